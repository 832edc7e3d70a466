// One round of the partner survey as its coordinator follows it: the response rate, who has
// not answered (a reminder with a new link to copy), who has, who names whom, the organisations
// respondents added, and closing the round with a snapshot.
import { graphql } from "../api.js";
import { confirmDialog } from "../confirm.js";
import { el, replace } from "../dom.js";
import { lang, number, percent, t, tn } from "../i18n.js";
import { clearMessages, showError, showProblem } from "../layout.js";
import { suggestionList } from "./suggestions.js";
import { copyBox, letter } from "./texts.js";

const ROUND = `query($id: ID!) { surveyRound(id: $id) {
  id name closesOn status closedAt snapshotName invited answered responseRate
  respondents { organisation { id name } answered partnersNamed workingLinks }
  reciprocity { mutualPairs oneSided unanswered rate pairs { source { id name } target { id name } status } }
  suggestions { id name status suggestedBy { id name } actor { id name } } } }`;
const NEW_LINK = `mutation($round: ID!, $who: ID!) { newSurveyLink(roundId: $round, respondentId: $who) {
  __typename ... on SurveyInvitation { url } ... on Error { message } } }`;
const REVOKE = `mutation($round: ID!, $who: ID!) { revokeSurveyLinks(roundId: $round, respondentId: $who) {
  __typename ... on Error { message } } }`;
const CLOSE = `mutation($id: ID!, $snap: Boolean!) { closeSurveyRound(id: $id, takeSnapshot: $snap) {
  __typename ... on ClosedSurveyRound { snapshot { name } } ... on Error { message } } }`;

function day(iso) {
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "long",
    year: "numeric" }).format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso));
}

function section(id, heading, ...content) {
  return el("section", { class: "survey-section", id, "aria-labelledby": `${id}-heading` },
    el("h3", { id: `${id}-heading` }, heading), ...content);
}

function head(round) {
  const status = round.status.toLowerCase();
  return el("div", { class: "round-head" },
    el("h2", { id: "round-heading" }, round.name),
    el("span", { class: `status-badge ${status}` },
      t(`survey.status.${status}`, { date: day(round.closesOn) })));
}

function rate(round) {
  const share = round.responseRate || 0;
  const fill = el("span");
  fill.style.width = `${Math.round(share * 100)}%`; // the style object, which the page's policy allows
  return el("div", { class: "rate" },
    el("p", { class: "summary", id: "response-rate" },
      t("survey.response_rate", { answered: number(round.answered), invited: number(round.invited),
        share: percent(share) })),
    el("span", { class: "rate-bar", "aria-hidden": "true" }, fill));
}

function revokeButton(round, respondent, changed) {
  const name = respondent.organisation.name;
  return el("button", { type: "button", class: "danger", "aria-label": t("survey.revoke_named", { name }),
    onclick: async () => {
      if (!(await confirmDialog(t("survey.revoke_confirm", { name }), t("survey.revoke_yes")))) return;
      try {
        const done = (await graphql(REVOKE, { round: round.id, who: respondent.organisation.id })).revokeSurveyLinks;
        if (done.__typename === "SurveyRespondent") await changed();
        else showProblem(done.message);
      } catch (error) {
        showError(error);
      }
    } }, t("survey.revoke"));
}

async function remind(round, respondent, item) {
  clearMessages();
  try {
    const made = (await graphql(NEW_LINK, { round: round.id, who: respondent.organisation.id })).newSurveyLink;
    if (made.__typename !== "SurveyInvitation") {
      showProblem(made.message);
      return;
    }
    const text = letter("reminder", { organisation: respondent.organisation.name, round: round.name,
      closesOn: round.closesOn, url: made.url });
    const old = item.querySelector(".text-box");
    if (old) old.remove();
    item.append(copyBox(text, t("survey.reminder_label", { name: respondent.organisation.name })));
  } catch (error) {
    showError(error);
  }
}

function notAnswered(round, changed) {
  const open = round.status === "OPEN";
  const waiting = round.respondents.filter((r) => !r.answered);
  return section("not-answered", tn("survey.not_answered", waiting.length),
    waiting.length ? el("ul", { class: "people-list" }, waiting.map((r) => {
      const item = el("li", { dataset: { id: r.organisation.id } },
        el("span", { class: "grow" }, r.organisation.name,
          r.workingLinks ? null : el("span", { class: "note" }, ` · ${t("survey.no_working_link")}`)));
      if (open) {
        item.append(el("button", { type: "button", class: "secondary", onclick: () => remind(round, r, item) },
          t("survey.remind")));
        if (r.workingLinks) item.append(revokeButton(round, r, changed));
      }
      return item;
    })) : el("p", { class: "muted" }, t("survey.everyone_answered")));
}

function answered(round, changed) {
  const done = round.respondents.filter((r) => r.answered);
  const open = round.status === "OPEN";
  return section("answered", tn("survey.answered", done.length),
    done.length ? el("ul", { class: "people-list" }, done.map((r) => el("li", { dataset: { id: r.organisation.id } },
      el("span", { class: "grow" }, r.organisation.name,
        el("span", { class: "note" }, ` · ${tn("survey.names_partners", r.partnersNamed)}`)),
      open && r.workingLinks ? revokeButton(round, r, changed) : null)))
      : el("p", { class: "muted" }, t("survey.nobody_answered")));
}

function reciprocity(round) {
  const r = round.reciprocity;
  const invited = new Set(round.respondents.map((x) => x.organisation.id));
  // "Has not answered" is said of a respondent; an organisation outside the round never could.
  const back = (p) => (p.status === "UNANSWERED" && !invited.has(p.target.id) ? "not_invited"
    : p.status.toLowerCase());
  const facts = el("ul", { class: "facts-list", id: "reciprocity-summary" },
    el("li", {}, tn("survey.mutual_pairs", r.mutualPairs)),
    el("li", {}, tn("survey.one_sided", r.oneSided)),
    el("li", {}, tn("survey.unanswered", r.unanswered)),
    r.rate === null ? null : el("li", {}, t("survey.reciprocity_rate", { rate: percent(r.rate) })));
  return section("reciprocity", t("survey.reciprocity"), facts,
    r.pairs.length ? el("table", { class: "data-table reciprocity-table" },
      el("thead", {}, el("tr", {}, el("th", {}, t("survey.col.names")), el("th", {}, t("survey.col.named")),
        el("th", {}, t("survey.col.back")))),
      el("tbody", {}, r.pairs.map((p) => el("tr", {},
        el("td", {}, p.source.name), el("td", {}, p.target.name),
        el("td", { class: `status-${back(p)}` }, t(`survey.back.${back(p)}`))))))
      : el("p", { class: "muted" }, t("survey.no_answers_yet")));
}

function closing(round, changed) {
  if (round.status === "CLOSED") {
    return section("closing", t("survey.closed_heading"),
      el("p", {}, t("survey.closed_on", { date: day(round.closedAt) }),
        round.snapshotName ? ` ${t("survey.snapshot_taken", { name: round.snapshotName })}` : ""));
  }
  const snap = el("input", { type: "checkbox", id: "take-snapshot", checked: true });
  const form = el("form", { class: "close-form", id: "close-form" },
    el("label", { for: "take-snapshot" }, snap, t("survey.take_snapshot", { name: round.name })),
    el("button", { type: "submit", class: "danger", id: "close-round" }, t("survey.close")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!(await confirmDialog(t("survey.close_confirm", { name: round.name }), t("survey.close_yes")))) return;
    try {
      const done = (await graphql(CLOSE, { id: round.id, snap: snap.checked })).closeSurveyRound;
      if (done.__typename !== "ClosedSurveyRound") {
        showProblem(done.message);
        return;
      }
      await changed();
      replace(document.getElementById("messages"), el("div", { class: "message success", role: "status" },
        done.snapshot ? t("survey.closed_with_snapshot", { name: done.snapshot.name }) : t("survey.closed")));
    } catch (error) {
      showError(error);
    }
  });
  return section("closing", t("survey.close_heading"), el("p", { class: "hint" }, t("survey.close_hint")), form);
}

/** Show round ``id`` in ``panel``; ``onChanged`` hears of every change made there. */
export async function showRound(panel, id, { onChanged }) {
  let round;
  try {
    round = (await graphql(ROUND, { id })).surveyRound;
  } catch (error) {
    showError(error);
    return;
  }
  if (!round) {
    replace(panel, el("p", { class: "muted" }, t("survey.unknown_round", { id })));
    return;
  }
  const changed = async () => {
    await showRound(panel, id, { onChanged });
    onChanged();
  };
  replace(panel, head(round), rate(round), notAnswered(round, changed), answered(round, changed),
    reciprocity(round), suggestionList(round, changed), closing(round, changed));
}
