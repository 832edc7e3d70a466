// The rights of the people in the graph: find a young person (by pseudonym) or a contact
// person (by name), download everything held about them, or erase them — after a confirmation
// that says exactly what goes. The services do the work (personalData, erasurePlan,
// erasePerson); this page only asks and tells.
import { graphql } from "../api.js";
import { confirmDialog } from "../confirm.js";
import { byId, el, replace } from "../dom.js";
import { has, t, tn } from "../i18n.js";
import { clearMessages, showError, showProblem } from "../layout.js";
import { label } from "../words.js";
import { success } from "./common.js";

const FIND = {
  young: `query Young($q: String) { found: youngPeople(filter: {search: $q}, first: 25) {
    totalCount edges { node { id name ageBand birthYear area { name } } } } }`,
  contact: `query Contacts($q: String) { found: contactPersons(filter: {search: $q}, first: 25) {
    totalCount edges { node { id name role actors { name } } } } }`,
};
const PLAN = `query Plan($id: ID!) { erasurePlan(id: $id) { id name kind tieCount ties { type count } auditEntries } }`;
const DATA = "query Data($id: ID!) { personalData(id: $id) }";
const ERASE = `mutation Erase($id: ID!) { erasePerson(id: $id) {
  __typename ... on Erased { tiesRemoved auditEntriesRedacted } ... on Error { message } } }`;

const state = { kind: "young", query: "", person: null, plan: null };

function facts(person) {
  if (state.kind === "young") {
    const age = person.ageBand ? label("age_band", person.ageBand) : null;
    return [age, person.birthYear ? t("admin.people.born", { year: person.birthYear }) : null,
      person.area ? person.area.name : null].filter(Boolean).join(" · ");
  }
  const where = (person.actors || []).map((a) => a.name).join(", ");
  return [person.role, where].filter(Boolean).join(" · ");
}

function tieWords(plan) {
  return plan.ties.map(({ type, count }) => {
    const key = `admin.people.tie.${type.toLowerCase()}`;
    return `${has(key) ? t(key) : type.toLowerCase().replace(/_/g, " ")}: ${count}`;
  }).join(", ");
}

function planText(plan) {
  const ties = plan.tieCount ? tn("admin.people.plan_ties", plan.tieCount, { list: tieWords(plan) })
    : t("admin.people.plan_no_ties");
  const log = plan.auditEntries ? tn("admin.people.plan_log", plan.auditEntries) : t("admin.people.plan_no_log");
  return [ties, log, t("admin.people.plan_views")];
}

async function download(person) {
  clearMessages();
  try {
    const held = (await graphql(DATA, { id: person.id })).personalData;
    const blob = new Blob([JSON.stringify(held, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob); // a blob: of this page, so not through el()'s URL check
    link.download = t("admin.people.file_name", { id: person.id.replace(/[^\w-]+/g, "_") });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    success(t("admin.people.downloaded", { name: person.name }));
  } catch (error) {
    showError(error);
  }
}

async function erase(person) {
  clearMessages();
  const plan = state.plan;
  const text = t("admin.people.erase_confirm", {
    name: person.name,
    ties: plan.tieCount ? tn("admin.people.erase_ties", plan.tieCount, { list: tieWords(plan) })
      : t("admin.people.erase_no_ties"),
    log: plan.auditEntries ? tn("admin.people.erase_log", plan.auditEntries) : t("admin.people.erase_no_log"),
  });
  if (!(await confirmDialog(text, t("admin.people.erase_yes")))) return;
  try {
    const r = (await graphql(ERASE, { id: person.id })).erasePerson;
    if (r.__typename !== "Erased") {
      showProblem(r.message);
      return;
    }
    state.person = null;
    state.plan = null;
    byId("person-detail").replaceChildren();
    await find();
    success(t("admin.people.erased", { name: person.name, ties: r.tiesRemoved, log: r.auditEntriesRedacted }));
    byId("people-search").focus();
  } catch (error) {
    showError(error);
  }
}

async function open(person) {
  clearMessages();
  try {
    state.person = person;
    state.plan = (await graphql(PLAN, { id: person.id })).erasurePlan;
    for (const b of document.querySelectorAll("#people-results button")) {
      b.setAttribute("aria-pressed", String(b.dataset.id === person.id));
    }
    replace(byId("person-detail"),
      el("h3", { id: "person-heading", tabindex: "-1" }, person.name),
      el("p", { class: "muted" }, `${label("kind", state.plan.kind)} · ${person.id}`, facts(person) ? ` · ${facts(person)}` : ""),
      el("p", { class: "plan-intro" }, t("admin.people.plan_intro")),
      el("ul", { class: "plan-list" }, planText(state.plan).map((line) => el("li", {}, line))),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "secondary", id: "person-download", onclick: () => download(person) },
          t("admin.people.download")),
        el("button", { type: "button", class: "danger", id: "person-erase", onclick: () => erase(person) },
          t("admin.people.erase"))));
    byId("person-heading").focus();
  } catch (error) {
    showError(error);
  }
}

async function find() {
  try {
    const found = (await graphql(FIND[state.kind], { q: state.query || null })).found;
    const people = found.edges.map((e) => e.node);
    byId("people-count").textContent = tn(`admin.people.found.${state.kind}`, found.totalCount);
    replace(byId("people-results"), people.map((person) => el("li", {},
      el("button", { type: "button", class: "result", dataset: { id: person.id }, "aria-pressed": "false",
        onclick: () => open(person) },
      el("span", { class: "result-name" }, person.name),
      el("span", { class: "result-meta" }, facts(person) || person.id)))));
  } catch (error) {
    showError(error);
  }
}

function kindChoice(kind) {
  const id = `people-kind-${kind}`;
  return el("span", { class: "check" },
    el("input", { type: "radio", name: "kind", id, value: kind, checked: kind === state.kind }),
    el("label", { for: id }, t(`admin.people.kind.${kind}`)));
}

/** Draw the search for people and their rights in ``panel``. */
export function showPeople(panel) {
  const form = el("form", { id: "people-form", class: "people-form", role: "search" },
    el("fieldset", { class: "checks" }, el("legend", {}, t("admin.people.who")), ["young", "contact"].map(kindChoice)),
    el("label", { for: "people-search" }, t("admin.people.search_label")),
    el("div", { class: "field-row" },
      el("input", { id: "people-search", name: "q", type: "search", autocomplete: "off", spellcheck: "false" }),
      el("button", { type: "submit", id: "people-find" }, t("admin.people.find"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearMessages();
    state.kind = form.elements.kind.value;
    state.query = form.elements.q.value.trim();
    byId("person-detail").replaceChildren();
    find();
  });
  replace(panel,
    el("h2", {}, t("admin.people.heading")),
    el("p", {}, t("admin.people.explain")),
    el("div", { class: "people-layout" },
      el("div", {}, form,
        el("p", { class: "muted", id: "people-count", role: "status" }),
        el("ul", { class: "result-list", id: "people-results" })),
      el("section", { id: "person-detail", class: "person-detail", "aria-live": "polite" })));
}
