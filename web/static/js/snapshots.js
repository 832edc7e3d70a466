// "Over time": take and delete snapshots of the network (coordinators), compare any two (or one
// with now) in tables and on a map of the ties gained and lost, see and download the growth
// chart, and download the network itself. Everyone signed in reads; coordinators change.
import { graphql } from "./api.js";
import { comparisonTables, dayText, keyFigures, momentText, sentence } from "./comparison.js";
import { confirmDialog } from "./confirm.js";
import { byId, el, options, replace } from "./dom.js";
import { showDownloads } from "./downloads.js";
import { lang, number, onLanguage, t, tn } from "./i18n.js";
import { canEdit, clearMessages, showError, showProblem, startPage } from "./layout.js";
import { MapFrame } from "./mapframe.js";

const NOW = "now";
const SHOWN = 100; // gained and lost partners and ties listed by name (the API's page limit)

const LIST = `query Snapshots { snapshots { id name takenOn actors ties } }`;
const TIE = "sourceId sourceName type targetId targetName";
const PARTNER = "id name kind sector";
const GROUP = "actorsBefore actorsAfter partnersGained partnersLost tiesGained tiesLost";
const COMPARE = `query Compare($from: String!, $to: String!) {
  snapshotComparison(from: $from, to: $to) {
    before { id name takenOn isNow } after { id name takenOn isNow }
    partnersGainedCount partnersLostCount tiesGainedCount tiesLostCount
    partnersGained(first: ${SHOWN}) { ${PARTNER} } partnersLost(first: ${SHOWN}) { ${PARTNER} }
    tiesGained(first: ${SHOWN}) { ${TIE} } tiesLost(first: ${SHOWN}) { ${TIE} }
    bySector { sector ${GROUP} } byArena { arena ${GROUP} }
    measures { measure before after change }
    reach { targetGroupId name membersBefore membersAfter reachedBefore reachedAfter shareBefore shareAfter change }
  }
}`;
const CREATE = `mutation Take($name: String!, $takenOn: Date) {
  createSnapshot(name: $name, takenOn: $takenOn) {
    __typename
    ... on Snapshot { id name takenOn }
    ... on Error { message }
  }
}`;
const DELETE = `mutation Delete($id: String!) {
  deleteSnapshot(id: $id) { __typename ... on DeletedSnapshot { id name } ... on Error { message } }
}`;

const state = { snapshots: [], comparison: null, drawn: 0 };
let map;

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** Read the list again; ``fresh`` (after a snapshot was taken) chooses the default pair to
 * compare anew, so the newest snapshot is offered at once. */
async function loadList({ fresh = false } = {}) {
  const data = await graphql(LIST);
  state.snapshots = data.snapshots;
  state.drawn += 1;
  renderList();
  fillChoices({}, { fresh });
  showGrowth();
}

function renderList() {
  const rows = state.snapshots.map((s) => el("tr", { dataset: { id: s.id } },
    el("th", { scope: "row" }, s.name),
    el("td", {}, dayText(s.takenOn)),
    el("td", { class: "num" }, number(s.actors)),
    el("td", { class: "num" }, number(s.ties)),
    canEdit() ? el("td", {}, el("button", {
      type: "button", class: "danger", onclick: () => remove(s),
      "aria-label": t("snapshots.delete_named", { name: s.name }),
    }, t("snapshots.delete"))) : null));
  replace(byId("snapshot-rows"), rows);
  byId("snapshot-table").hidden = !rows.length;
  byId("list-status").textContent = rows.length ? tn("snapshots.count", rows.length)
    : t(canEdit() ? "snapshots.none_yet" : "snapshots.none_yet_viewer");
}

/** The choices of the comparison: any snapshot from, any snapshot or now to. By default the
 * last two snapshots, or the only one with now. */
function fillChoices(wanted = {}, { fresh = false } = {}) {
  const list = state.snapshots;
  const pairs = list.map((s) => [s.id, `${s.name} (${dayText(s.takenOn)})`]);
  const keep = (id) => [NOW, ...list.map((s) => s.id)].includes(id);
  const chosen = (id) => (!fresh && keep(byId(id).value) ? byId(id).value : null);
  const from = keep(wanted.from) ? wanted.from : chosen("compare-from")
    || (list.length > 1 ? list[list.length - 2].id : (list[0] || {}).id);
  const to = keep(wanted.to) ? wanted.to : chosen("compare-to")
    || (list.length > 1 ? list[list.length - 1].id : NOW);
  options(byId("compare-from"), pairs, from);
  options(byId("compare-to"), [...pairs, [NOW, t("snapshots.now_choice")]], to);
  byId("compare-form").hidden = !list.length;
  byId("compare-hint").textContent = t(list.length ? "snapshots.compare_hint" : "snapshots.compare_none");
}

async function compare({ focus = false } = {}) {
  clearMessages();
  const from = byId("compare-from").value;
  const to = byId("compare-to").value;
  if (!from) return;
  if (from === to) {
    showProblem(t("snapshots.same_moment"));
    return;
  }
  history.replaceState(null, "", `?${new URLSearchParams({ from, to })}`);
  byId("compare-status").textContent = t("words.loading");
  try {
    state.comparison = (await graphql(COMPARE, { from, to })).snapshotComparison;
  } catch (error) {
    byId("compare-status").textContent = "";
    state.comparison = null;
    byId("comparison").hidden = true;
    showError(error);
    return;
  }
  byId("compare-status").textContent = "";
  renderComparison();
  if (focus) byId("comparison-heading").focus();
}

function renderComparison() {
  const c = state.comparison;
  byId("comparison").hidden = !c;
  if (!c) return;
  byId("comparison-heading").textContent = t("snapshots.comparison_heading", {
    before: momentText(c.before), after: momentText(c.after),
  });
  byId("comparison-sentence").textContent = sentence(c);
  replace(byId("key-figures"), keyFigures(c));
  replace(byId("comparison-tables"), comparisonTables(c));
  const url = `/snapshots/changes.html?${new URLSearchParams({ from: c.before.id, to: c.after.id, lang: lang() })}`;
  map.showUrl(url, t("snapshots.map_heading"));
  byId("open-map").setAttribute("href", url);
}

async function create(event) {
  event.preventDefault();
  clearMessages();
  const name = byId("snapshot-name").value.trim();
  const day = byId("snapshot-date").value;
  if (!name) {
    showProblem(t("snapshots.name_missing"));
    byId("snapshot-name").focus();
    return;
  }
  if (!day || !byId("snapshot-date").checkValidity()) {
    showProblem(t("snapshots.date_invalid"));
    byId("snapshot-date").focus();
    return;
  }
  const button = byId("create");
  button.disabled = true;
  try {
    const result = (await graphql(CREATE, { name, takenOn: day })).createSnapshot;
    if (result.__typename !== "Snapshot") {
      showProblem(result.__typename === "DuplicateError" ? t("snapshots.duplicate", { name }) : result.message);
      byId("snapshot-name").focus();
      return;
    }
    byId("snapshot-name").value = "";
    await loadList({ fresh: true });
    replace(byId("messages"), el("div", { class: "message success", role: "status" },
      t("snapshots.created", { name: result.name, date: dayText(result.takenOn) })));
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

async function remove(snapshot) {
  clearMessages();
  const question = t("snapshots.confirm_delete", {
    name: snapshot.name, date: dayText(snapshot.takenOn),
    partners: tn("snapshots.n_partners", snapshot.actors), ties: tn("snapshots.n_ties", snapshot.ties),
  });
  if (!(await confirmDialog(question, t("snapshots.delete_yes")))) return;
  try {
    const result = (await graphql(DELETE, { id: snapshot.id })).deleteSnapshot;
    if (result.__typename !== "DeletedSnapshot") {
      showProblem(result.message);
      return;
    }
    const shown = state.comparison && [state.comparison.before.id, state.comparison.after.id].includes(snapshot.id);
    await loadList();
    if (shown) {
      state.comparison = null;
      renderComparison();
      map.clear();
      if (state.snapshots.length) await compare();
    }
    replace(byId("messages"), el("div", { class: "message success", role: "status" },
      t("snapshots.deleted", { name: snapshot.name })));
    byId("list-heading").focus();
  } catch (error) {
    showError(error);
  }
}

function showGrowth() {
  const any = state.snapshots.length > 0;
  byId("growth").hidden = !any;
  if (!any) return;
  const query = `lang=${lang()}`;
  byId("growth-png").setAttribute("href", `/exports/growth.png?${query}`);
  byId("growth-svg").setAttribute("href", `/exports/growth.svg?${query}`);
  // A new address after every change to the list, so the picture is drawn again.
  byId("growth-chart").setAttribute("src", `/exports/growth.svg?${query}&v=${state.drawn}`);
  byId("growth-chart").setAttribute("alt", t("snapshots.growth_alt", { n: number(state.snapshots.length) }));
  // The growth story: every snapshot and now, one step at a time (graphsvc/maps/story.py).
  byId("story").hidden = !any;
  byId("story-show").setAttribute("href", `/snapshots/story.html?${query}`);
  byId("story-html").setAttribute("href", `/snapshots/story/download.html?${query}`);
  byId("story-png").setAttribute("href", `/snapshots/story/images.zip?${query}`);
}

async function main() {
  await startPage("snapshots");
  for (const node of document.querySelectorAll(".editor-only")) node.hidden = !canEdit();
  byId("viewer-note").hidden = canEdit();
  byId("list-heading").setAttribute("tabindex", "-1");
  byId("snapshot-date").value = today();
  map = new MapFrame(byId("difference-map"), { name: "difference-map" });
  showDownloads(byId("download-list"), byId("downloads-content"));
  byId("create-form").addEventListener("submit", create);
  byId("compare-form").addEventListener("submit", (event) => {
    event.preventDefault();
    compare({ focus: true });
  });
  onLanguage(() => {
    renderList();
    fillChoices();
    showGrowth();
    showDownloads(byId("download-list"), byId("downloads-content"));
    renderComparison();
  });
  try {
    await loadList();
  } catch (error) {
    showError(error);
    return;
  }
  const wanted = Object.fromEntries(new URLSearchParams(location.search).entries());
  fillChoices(wanted);
  if (state.snapshots.length) await compare();
}

main();
