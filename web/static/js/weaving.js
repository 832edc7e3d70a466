// Network weaving: introductions to make around a target group (pairs of actors who share a
// partner but have no tie), their follow-up tasks, and how many became collaborations.
import { graphql } from "./api.js";
import { byId, el, options, replace } from "./dom.js";
import { lang, onLanguage, t, tn } from "./i18n.js";
import { canEdit, clearMessages, showError, showProblem, startPage } from "./layout.js";
import { confirmDialog } from "./confirm.js";
import { loadTargetGroups } from "./lists.js";
import { WhatIfPanel } from "./whatif.js";
import { suggestionCard } from "./weaving/suggestions.js";
import { progressTable, tasksTable } from "./weaving/tasks.js";

const SHOWN = 12;
const TASK = `id firstId firstName secondId secondName introducerId introducerName targetGroupId
  targetGroupName assignedTo dueOn status note introducedOn tieSeenOn tieSeenIn version`;
const SUGGESTIONS = `query Suggestions($tg: ID!, $top: Int!) {
  weavingSuggestions(targetGroupId: $tg, top: $top) {
    summary { sentence sentenceDa }
    suggestions {
      rank sharedPartners schoolLeisure crossSector membersTouched
      first { id name partner } second { id name partner }
      introducers { id name partner }
      why { sentence sentenceDa } expected { sentence sentenceDa }
      task { id status }
    }
  }
}`;
const FOLLOW_UP = `query FollowUp {
  weavingTasks { ${TASK} }
  snapshots { id name }
  weavingProgress {
    quarters { quarter introduced collaborating dropped open share }
    summary { sentence sentenceDa }
  }
}`;
const ASSIGNEES = "query { weavingAssignees { name role } }";
const CREATE = `mutation Create($input: WeavingTaskInput!) { createWeavingTask(input: $input) {
  __typename ... on WeavingTask { id } ... on Error { message } } }`;
const UPDATE = `mutation Update($id: ID!, $changes: WeavingTaskChanges!, $version: Int) {
  updateWeavingTask(id: $id, changes: $changes, expectedVersion: $version) {
    __typename ... on WeavingTask { id } ... on Error { message } } }`;
const DELETE = `mutation Delete($id: ID!) { deleteWeavingTask(id: $id) {
  __typename ... on Error { message } } }`;
const CHECK = "mutation { checkIntroductions { checked collaborating { id } } }";

const state = {
  groups: [], suggestions: null, tasks: [], progress: null, assignees: [], check: null, effectOf: null,
  snapshots: new Map(),
};
let whatIf;

const said = (statement) => (lang() === "da" ? statement.sentenceDa : statement.sentence);
const chosen = () => byId("target-group").value;

async function loadSuggestions({ focus = false } = {}) {
  clearMessages();
  const tg = chosen();
  if (!tg) return;
  history.replaceState(null, "", `?${new URLSearchParams({ target_group: tg })}`);
  byId("suggestions-status").textContent = t("words.loading");
  try {
    state.suggestions = (await graphql(SUGGESTIONS, { tg, top: SHOWN })).weavingSuggestions;
    byId("suggestions-status").textContent = "";
    renderSuggestions();
    if (focus) byId("suggestions-heading").focus();
  } catch (error) {
    byId("suggestions-status").textContent = "";
    showError(error);
  }
}

async function loadFollowUp() {
  try {
    const data = await graphql(FOLLOW_UP);
    state.tasks = data.weavingTasks;
    state.progress = data.weavingProgress;
    state.snapshots = new Map(data.snapshots.map((s) => [s.id, s.name]));
    renderFollowUp();
  } catch (error) {
    showError(error);
  }
}

const actions = {
  get canEdit() { return canEdit(); },
  get assignees() { return state.assignees; },
  snapshotName: (id) => state.snapshots.get(id) || id,
  showEffect: (s) => {
    state.effectOf = s;
    byId("whatif").hidden = false;
    effectHeading();
    byId("whatif-heading").focus();
    whatIf.run(chosen(), { addTies: [{ firstId: s.first.id, secondId: s.second.id }] });
  },
  makeTask: async (s, fields) => {
    const answer = (await graphql(CREATE, { input: {
      firstId: s.first.id, secondId: s.second.id, targetGroupId: chosen(), ...fields,
    } })).createWeavingTask;
    if (answer.__typename !== "WeavingTask") return answer.message;
    await Promise.all([loadSuggestions(), loadFollowUp()]);
    byId(`task-${answer.id}`)?.scrollIntoView({ block: "center" });
    return null;
  },
  save: async (task, changes) => {
    const answer = (await graphql(UPDATE, { id: task.id, changes, version: task.version })).updateWeavingTask;
    if (answer.__typename !== "WeavingTask") return answer.message;
    await Promise.all([loadFollowUp(), loadSuggestions()]);
    byId(`status-${task.id}`)?.focus();
    return null;
  },
  remove: async (task) => {
    const yes = await confirmDialog(t("weaving.confirm_delete", { first: task.firstName, second: task.secondName }),
      t("weaving.delete"));
    if (!yes) return;
    const answer = (await graphql(DELETE, { id: task.id })).deleteWeavingTask;
    if (answer.message) showProblem(answer.message);
    await Promise.all([loadFollowUp(), loadSuggestions()]);
  },
};

function effectHeading() {
  const s = state.effectOf;
  if (s) byId("whatif-heading").textContent = t("weaving.effect_heading", { first: s.first.name, second: s.second.name });
}

function renderSuggestions() {
  const found = state.suggestions;
  if (!found) return;
  byId("suggestions-summary").textContent = said(found.summary);
  replace(byId("suggestions"), found.suggestions.length
    ? found.suggestions.map((s) => suggestionCard(s, actions))
    : el("li", { class: "empty-state" }, t("weaving.no_suggestions")));
}

function renderFollowUp() {
  replace(byId("tasks"), tasksTable(state.tasks, actions));
  if (state.progress) {
    byId("progress-summary").textContent = said(state.progress.summary);
    replace(byId("progress-table"), progressTable(state.progress));
  }
  const check = byId("check-result");
  check.hidden = !state.check;
  if (state.check) {
    check.textContent = `${tn("weaving.checked", state.check.checked)} ${tn("weaving.became", state.check.collaborating.length)}`;
  }
}

async function checkNow() {
  try {
    state.check = (await graphql(CHECK)).checkIntroductions;
    await Promise.all([loadFollowUp(), loadSuggestions()]);
  } catch (error) {
    showError(error);
  }
}

async function main() {
  await startPage("weaving");
  whatIf = new WhatIfPanel(byId("whatif-result"), { mapName: "weaving-map" });
  byId("check-now").hidden = !canEdit();
  try {
    [state.groups, state.assignees] = await Promise.all([
      loadTargetGroups(),
      canEdit() ? graphql(ASSIGNEES).then((d) => d.weavingAssignees) : Promise.resolve([]),
    ]);
  } catch (error) {
    showError(error);
    return;
  }
  const wanted = new URLSearchParams(location.search).get("target_group");
  const selected = state.groups.some((g) => g.id === wanted) ? wanted : (state.groups[0] || {}).id;
  const fill = () => options(byId("target-group"),
    state.groups.map((g) => [g.id, `${g.name} (${tn("gaps.members", g.memberCount)})`]),
    byId("target-group").value || selected);
  fill();
  byId("weaving-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadSuggestions({ focus: true });
  });
  byId("check-now").addEventListener("click", checkNow);
  onLanguage(() => {
    fill();
    renderSuggestions();
    renderFollowUp();
    effectHeading();
    whatIf.render();
  });
  await loadFollowUp();
  if (!state.groups.length) {
    showProblem(t("weaving.no_groups"));
    return;
  }
  if (wanted && wanted !== selected) {
    showProblem(t("gaps.unknown_group", { id: wanted }));
    return;
  }
  await loadSuggestions();
}

main();
