// The coordinator's partner surveys: start a round for chosen organisations (each gets its own
// link to answer without an account), follow who has answered and who names whom, remind,
// settle the organisations respondents add, and close the round with a snapshot.
import { graphql } from "./api.js";
import { byId, el, replace } from "./dom.js";
import { lang, number, onLanguage, t } from "./i18n.js";
import { canEdit, clearMessages, showError, showProblem, startPage } from "./layout.js";
import { findNodes } from "./editor/picker.js";
import { namePicker } from "./survey/picker.js";
import { showRound } from "./survey/round.js";
import { copyBox, letter } from "./survey/texts.js";

const ACTOR_KINDS = ["ASSOCIATION", "BUSINESS", "MUNICIPAL_UNIT", "ORGANISATION"];
const ROUNDS = "{ surveyRounds { id name closesOn status invited answered } }";
const START = `mutation($input: SurveyRoundInput!) { startSurveyRound(input: $input) { __typename
  ... on NewSurveyRound { round { id name closesOn } invitations { organisation { id name } url } }
  ... on InvalidInputError { problems { record problem } } ... on Error { message } } }`;
const DEFAULT_WEEKS = 3;

const state = { rounds: [], selected: null };

function isoDay(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function day(iso) {
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "short",
    year: "numeric" }).format(new Date(`${iso}T12:00:00`));
}

async function loadRounds() {
  try {
    state.rounds = (await graphql(ROUNDS)).surveyRounds;
  } catch (error) {
    showError(error);
    return;
  }
  drawRounds();
}

function drawRounds() {
  byId("no-rounds").hidden = state.rounds.length > 0;
  replace(byId("round-list"), state.rounds.map((r) => el("li", {},
    el("button", { type: "button", class: "result", "aria-pressed": String(r.id === state.selected),
      onclick: () => select(r.id) },
    el("span", { class: "result-name" }, r.name),
    el("span", { class: "result-meta" },
      t("survey.list_meta", { answered: number(r.answered), invited: number(r.invited) }), " · ",
      t(`survey.status.${r.status.toLowerCase()}`, { date: day(r.closesOn) }))))));
}

function select(id) {
  clearMessages();
  state.selected = id;
  history.replaceState(null, "", `/surveys?round=${encodeURIComponent(id)}`);
  drawRounds();
  showRound(byId("round-panel"), id, { onChanged: loadRounds });
}

function showStartForm() {
  clearMessages();
  state.selected = null;
  history.replaceState(null, "", "/surveys");
  drawRounds();
  const closes = new Date();
  closes.setDate(closes.getDate() + DEFAULT_WEEKS * 7);
  const name = el("input", { id: "round-name", type: "text", maxlength: 200, required: true,
    placeholder: t("survey.name_placeholder", { year: new Date().getFullYear() }) });
  const date = el("input", { id: "round-closes", type: "date", required: true, value: isoDay(closes),
    min: isoDay(new Date()) });
  const who = el("select", { id: "round-respondents", multiple: true });
  const form = el("form", { id: "start-form", class: "round-form" },
    el("h2", {}, t("survey.new_round")),
    el("p", { class: "hint" }, t("survey.start_hint")),
    el("div", { class: "field" }, el("label", { for: name.id }, t("survey.name")), name),
    el("div", { class: "field" }, el("label", { for: date.id }, t("survey.closes_on")), date,
      el("p", { class: "hint" }, t("survey.closes_hint"))),
    el("div", { class: "field" }, el("label", { for: who.id }, t("survey.respondents")), who,
      el("p", { class: "hint" }, t("survey.respondents_hint"))),
    el("div", { class: "actions" }, el("button", { type: "submit", id: "start-round" }, t("survey.start"))));
  replace(byId("round-panel"), form);
  const picker = namePicker(who, (text) => findNodes(ACTOR_KINDS, text), { multiple: true });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearMessages();
    const input = { name: name.value, closesOn: date.value, respondentIds: picker.getValue() };
    if (!input.name.trim() || !input.closesOn || !input.respondentIds.length) {
      showProblem(t("survey.start_incomplete"));
      return;
    }
    try {
      const made = (await graphql(START, { input })).startSurveyRound;
      if (made.__typename !== "NewSurveyRound") {
        showProblem([made.message, ...(made.problems || []).map((p) => `${p.record}: ${p.problem}`)].join("\n"));
        return;
      }
      await loadRounds();
      showInvitations(made);
    } catch (error) {
      showError(error);
    }
  });
  name.focus();
}

/** The links of a round just started: shown this once (only their hashes are kept). */
function showInvitations(made) {
  const { round } = made;
  state.selected = round.id;
  history.replaceState(null, "", `/surveys?round=${encodeURIComponent(round.id)}`);
  drawRounds();
  const everyone = made.invitations.map((i) => `${i.organisation.name};${i.url}`).join("\n");
  replace(byId("round-panel"),
    el("h2", {}, t("survey.started", { name: round.name })),
    el("div", { class: "message", role: "status" }, t("survey.links_once")),
    el("ul", { class: "invitation-list", id: "invitations" }, made.invitations.map((i) => el("li", {
      dataset: { id: i.organisation.id } },
    el("strong", {}, i.organisation.name),
    el("input", { type: "text", class: "link-field", readonly: true, value: i.url,
      "aria-label": t("survey.link_of", { name: i.organisation.name }) }),
    el("details", {}, el("summary", {}, t("survey.show_invitation")),
      copyBox(letter("invitation", { organisation: i.organisation.name, round: round.name,
        closesOn: round.closesOn, url: i.url }), t("survey.invitation_label", { name: i.organisation.name })))))),
    copyBox(everyone, t("survey.all_links")),
    el("div", { class: "actions" }, el("button", { type: "button", id: "to-round", onclick: () => select(round.id) },
      t("survey.to_round"))));
}

async function main() {
  await startPage("surveys");
  if (!canEdit()) {
    showProblem(t("survey.viewers"));
    return;
  }
  byId("surveys").hidden = false;
  byId("new-round").addEventListener("click", showStartForm);
  onLanguage(() => {
    drawRounds();
    if (state.selected) showRound(byId("round-panel"), state.selected, { onChanged: loadRounds });
  });
  await loadRounds();
  const wanted = new URLSearchParams(location.search).get("round");
  if (wanted) select(wanted);
  else if (state.rounds.length) select(state.rounds[0].id);
  else showStartForm();
}

main();
