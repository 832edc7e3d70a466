// Organisations respondents work with that were not on the list: the coordinator approves one
// as a new actor (kind and sector chosen here), merges it into an actor that exists (found by
// name), or rejects it. Names are shown as text, as typed by the respondents.
import { graphql } from "../api.js";
import { el, options } from "../dom.js";
import { t } from "../i18n.js";
import { showError, showProblem } from "../layout.js";
import { capital, label } from "../words.js";
import { findNodes } from "../editor/picker.js";
import { namePicker } from "./picker.js";

const ACTOR_KINDS = ["ASSOCIATION", "BUSINESS", "MUNICIPAL_UNIT", "ORGANISATION"];
const SECTORS = ["PUBLIC", "CIVIL_SOCIETY", "BUSINESS", "PHILANTHROPY", "KNOWLEDGE", "CITIZENS"];
// The sector most organisations of a kind have (the spreadsheet import's rule, the other way).
const USUAL_SECTOR = { ASSOCIATION: "CIVIL_SOCIETY", BUSINESS: "BUSINESS", MUNICIPAL_UNIT: "PUBLIC" };
const RESULT = `__typename ... on SurveySuggestion { status actor { name } } ... on Error { message }`;
const APPROVE = `mutation($id: ID!, $input: ApproveSuggestionInput!) {
  approveSurveySuggestion(id: $id, input: $input) { ${RESULT} } }`;
const MERGE = `mutation($id: ID!, $actor: ID!) { mergeSurveySuggestion(id: $id, actorId: $actor) { ${RESULT} } }`;
const REJECT = `mutation($id: ID!) { rejectSurveySuggestion(id: $id) { ${RESULT} } }`;

async function settle(query, variables, field, changed) {
  try {
    const done = (await graphql(query, variables))[field];
    if (done.__typename !== "SurveySuggestion") {
      showProblem(done.message);
      return;
    }
    await changed();
  } catch (error) {
    showError(error);
  }
}

function approveForm(s, changed) {
  const kind = options(el("select", { id: `kind-${s.id}` }),
    ACTOR_KINDS.map((k) => [k, capital(label("kind", k))]), "ASSOCIATION");
  const sector = options(el("select", { id: `sector-${s.id}` }),
    SECTORS.map((k) => [k, capital(label("sector", k))]), "CIVIL_SOCIETY");
  kind.addEventListener("change", () => {
    if (USUAL_SECTOR[kind.value]) sector.value = USUAL_SECTOR[kind.value];
  });
  const form = el("form", { class: "approve-form" },
    el("label", { for: kind.id }, t("survey.kind")), kind,
    el("label", { for: sector.id }, t("survey.sector")), sector,
    el("button", { type: "submit" }, t("survey.approve")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    settle(APPROVE, { id: s.id, input: { kind: kind.value, sector: sector.value } }, "approveSurveySuggestion", changed);
  });
  return form;
}

function mergeForm(s, changed) {
  const select = el("select", { id: `merge-${s.id}` });
  const form = el("form", { class: "merge-form" },
    el("label", { for: select.id }, t("survey.merge_label")), select,
    el("button", { type: "submit", class: "secondary" }, t("survey.merge")));
  const picker = namePicker(select, (text) => findNodes(ACTOR_KINDS, text));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const actor = picker.getValue();
    if (!actor) {
      showProblem(t("survey.merge_pick_first"));
      return;
    }
    settle(MERGE, { id: s.id, actor }, "mergeSurveySuggestion", changed);
  });
  return form;
}

function pendingItem(s, changed) {
  const names = s.suggestedBy.map((o) => o.name).join(", ");
  return el("li", { class: "suggestion", dataset: { name: s.name } },
    el("div", { class: "suggestion-name" }, s.name),
    el("p", { class: "muted" }, t("survey.suggested_by", { names })),
    el("div", { class: "suggestion-forms" }, approveForm(s, changed), mergeForm(s, changed),
      el("div", {}, el("button", { type: "button", class: "danger",
        onclick: () => settle(REJECT, { id: s.id }, "rejectSurveySuggestion", changed) }, t("survey.reject")))));
}

function settledItem(s) {
  const status = s.status.toLowerCase();
  return el("li", {}, el("span", { class: "grow" }, s.name,
    el("span", { class: "note" }, ` · ${t(`survey.suggestion.${status}`, { actor: s.actor ? s.actor.name : "" })}`)));
}

/** The round's suggestions: pending ones to settle, then the settled ones. */
export function suggestionList(round, changed) {
  const pending = round.suggestions.filter((s) => s.status === "PENDING");
  const settled = round.suggestions.filter((s) => s.status !== "PENDING");
  return el("section", { class: "survey-section", id: "suggestions", "aria-labelledby": "suggestions-heading" },
    el("h3", { id: "suggestions-heading" }, t("survey.suggestions", { n: pending.length })),
    el("p", { class: "hint" }, t("survey.suggestions_hint")),
    pending.length ? el("ul", { class: "suggestion-list" }, pending.map((s) => pendingItem(s, changed)))
      : el("p", { class: "muted" }, t("survey.no_suggestions")),
    settled.length ? el("ul", { class: "people-list" }, settled.map(settledItem)) : null);
}
