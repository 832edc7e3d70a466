// The map builder: choose a map, look at it, save it as a view, share it and download it.
import { graphql } from "./api.js";
import { confirmDialog } from "./confirm.js";
import { byId, el, options, replace } from "./dom.js";
import { lang, onLanguage, t, tn } from "./i18n.js";
import { canEdit, clearMessages, showError, showProblem, startPage } from "./layout.js";
import { loadAreas, loadTargetGroups } from "./lists.js";
import { MapFrame, mapUrl } from "./mapframe.js";
import { copyFrom, showLinks, showNewLink } from "./sharing.js";
import { label } from "./words.js";

const KINDS = ["network", "target-group", "ego", "brokers", "gaps"];
const METRICS = ["degree", "betweenness", "broker"];
const ARENAS = ["SCHOOL", "LEISURE", "HEALTH", "WORK", "FAMILY", "COMMUNITY"];
const EXPIRY_DAYS = ["7", "30", "90", "365", "never"];

const VIEW_FIELDS = `id kind metric youngPeople title lang targetGroup actor depth hops area
  fromArena toArena top hideSectors hideKinds hideTies onlyArea focus focusSteps
  createdBy createdAt problem downloads { html png svg }`;
// What the coordinator hid or focused on in the map itself: kept in the map's options.
const EXPLORE = ["hide_sectors", "hide_kinds", "hide_ties", "only_area", "focus", "focus_steps"];
// Fields that choose other nodes: changing one starts the map afresh, nothing hidden.
const NODE_FIELDS = ["kind", "target-group", "hops", "actor", "depth", "area", "young", "from-arena", "to-arena"];
const VIEWS = `query Views { mapViews { ${VIEW_FIELDS} } }`;
const SAVE = `mutation Save($input: MapViewInput!) {
  saveMapView(input: $input) {
    __typename
    ... on MapView { ${VIEW_FIELDS} }
    ... on Error { message }
    ... on InvalidInputError { problems { record problem } }
  }
}`;
const ACTOR_SEARCH = `query Find($search: String) {
  actors(filter: { search: $search }, first: 30) { edges { node { id name area { name } } } }
}`;
const ACTOR_NAME = `query Name($id: ID!) { actor(id: $id) { id name area { name } } }`;

const state = { groups: [], areas: [], actors: [], views: [], active: null, me: null, explore: {} };
let preview;

/** The map the form describes, as the query options of /maps/<kind>.html. */
function formOptions() {
  const kind = byId("kind").value;
  const metric = byId("metric").value;
  const o = { metric };
  if (kind === "target-group" || kind === "gaps") {
    o.target_group = byId("target-group").value;
    o.hops = byId("hops").value;
  }
  if (kind === "ego") {
    o.actor = byId("actor").value;
    o.depth = byId("depth").value;
  }
  if (kind === "network" || kind === "brokers") o.area = byId("area").value;
  if (kind === "brokers" || metric === "broker") {
    o.from = byId("from-arena").value.toLowerCase();
    o.to = byId("to-arena").value.toLowerCase();
  }
  if (byId("young").value !== "groups") o.young = byId("young").value;
  o.title = byId("map-title").value.trim();
  o.lang = byId("map-lang").value;
  return { kind, options: { ...o, ...state.explore } };
}

/** The map in the preview was explored (legend, area, focus): its state becomes part of the
 * map's options, without drawing it again. */
function explored(detail) {
  const chosen = formOptions();
  if (!sameNodes(preview.url, mapUrl(chosen.kind, chosen.options))) return; // the form chose another map since
  state.explore = Object.fromEntries(EXPLORE.filter((name) => detail[name]).map((name) => [name, String(detail[name])]));
  const now = formOptions();
  preview.url = mapUrl(now.kind, now.options);
  writeUrl(now);
}

/** Whether two map URLs draw the same nodes (their words and what they hide aside). */
function sameNodes(a, b) {
  if (!a || !b) return false;
  const nodes = (url) => {
    const parsed = new URL(url, location.href);
    for (const name of [...EXPLORE, "title", "lang", "metric"]) parsed.searchParams.delete(name);
    parsed.searchParams.sort();
    return `${parsed.pathname}?${parsed.searchParams}`;
  };
  return nodes(a) === nodes(b);
}

/** The explore state of a saved view, as the map's options. */
function viewExplore(view) {
  const found = {
    hide_sectors: (view.hideSectors || []).join(","), hide_kinds: (view.hideKinds || []).join(","),
    hide_ties: (view.hideTies || []).join(","), only_area: view.onlyArea || "", focus: view.focus || "",
    focus_steps: view.focus && view.focusSteps !== 1 ? String(view.focusSteps) : "",
  };
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value));
}

function problemWith({ kind, options: o }) {
  if ((kind === "target-group" || kind === "gaps") && !o.target_group) return t("maps.missing_target_group");
  if (kind === "ego" && !o.actor) return t("maps.missing_actor");
  if (o.from && o.from === o.to) return t("brokers.same_arena");
  return null;
}

function showFields() {
  const kind = byId("kind").value;
  const broker = byId("metric").value === "broker";
  for (const field of document.querySelectorAll("[data-kinds]")) {
    field.hidden = !(field.dataset.kinds.split(" ").includes(kind) || (broker && field.dataset.metric === "broker"));
  }
}

function fillChoices(initial = {}) {
  const keep = (id, fallback) => byId(id).value || fallback;
  options(byId("kind"), KINDS.map((k) => [k, t(`maps.kind.${k}`)]), keep("kind", initial.kind || "network"));
  const metric = initial.metric || defaultMetric(initial.kind);
  options(byId("metric"), METRICS.map((m) => [m, t(`maps.metric.${m}`)]), keep("metric", metric));
  const young = ["groups", ...(canEdit() ? ["individuals"] : []), "none"];
  options(byId("young"), young.map((y) => [y, t(`maps.young.${y}`)]), keep("young", initial.young || "groups"));
  options(byId("target-group"), state.groups.map((g) => [g.id, g.name]),
    keep("target-group", initial.target_group || (state.groups[0] || {}).id));
  options(byId("area"), [["", t("maps.all_areas")], ...state.areas.map((a) => [a.id, a.name])],
    byId("area").options.length ? byId("area").value : initial.area || "");
  const arenas = ARENAS.map((a) => [a, label("arena", a)]);
  options(byId("from-arena"), arenas, keep("from-arena", (initial.from || "school").toUpperCase()));
  options(byId("to-arena"), arenas, keep("to-arena", (initial.to || "leisure").toUpperCase()));
  options(byId("expires"), EXPIRY_DAYS.map((d) => [d, d === "never" ? t("maps.expires_never")
    : tn("maps.expires_days", Number(d))]), keep("expires", "90"));
  fillActors(keep("actor", initial.actor));
  showFields();
}

/** What size shows unless chosen: broker scores on a brokers map, else the number of ties. */
const defaultMetric = (kind) => (kind === "brokers" ? "broker" : "degree");

function fillActors(selected) {
  const choices = state.actors.map((a) => [a.id, a.area ? `${a.name} (${a.area.name})` : a.name]);
  options(byId("actor"), choices.length ? choices : [["", t("maps.actor_none")]], selected || "");
}

async function findActors() {
  try {
    const data = await graphql(ACTOR_SEARCH, { search: byId("actor-search").value.trim() || null });
    state.actors = data.actors.edges.map((e) => e.node);
    fillActors(state.actors.length ? state.actors[0].id : "");
    byId("actor").focus();
  } catch (error) {
    showError(error);
  }
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const initial = Object.fromEntries(params.entries());
  if (!KINDS.includes(initial.kind)) delete initial.kind;
  return initial;
}

function setFields(o) {
  for (const [id, value] of [["hops", o.hops], ["depth", o.depth], ["map-title", o.title], ["map-lang", o.lang]]) {
    if (value !== undefined && value !== null) byId(id).value = String(value);
  }
}

function showPreview() {
  clearMessages();
  const chosen = formOptions();
  const problem = problemWith(chosen);
  if (problem) {
    showProblem(problem);
    return false;
  }
  preview.show(chosen.kind, chosen.options, chosen.options.title || t(`maps.kind.${chosen.kind}`));
  writeUrl(chosen);
  return true;
}

function writeUrl(chosen) {
  const query = new URLSearchParams({ kind: chosen.kind });
  for (const [name, value] of Object.entries(chosen.options)) if (value) query.set(name, value);
  history.replaceState(null, "", `?${query}`);
}

/** The GraphQL input of the map the form describes. */
function viewInput({ kind, options: o }) {
  const upper = (v) => (v ? String(v).toUpperCase().replace(/-/g, "_") : null);
  const input = { kind: upper(kind), metric: upper(o.metric), lang: upper(o.lang), title: o.title || null };
  if (o.young) input.youngPeople = upper(o.young);
  if (o.target_group) Object.assign(input, { targetGroup: o.target_group, hops: Number(o.hops) });
  if (o.actor) Object.assign(input, { actor: o.actor, depth: Number(o.depth) });
  if (o.area) input.area = o.area;
  if (o.from) Object.assign(input, { fromArena: upper(o.from), toArena: upper(o.to) });
  for (const [name, field] of [["hide_sectors", "hideSectors"], ["hide_kinds", "hideKinds"], ["hide_ties", "hideTies"]]) {
    if (o[name]) input[field] = o[name].split(",");
  }
  if (o.only_area) input.onlyArea = o.only_area;
  if (o.focus) Object.assign(input, { focus: o.focus, focusSteps: Number(o.focus_steps || 1) });
  return input;
}

async function save() {
  if (!showPreview()) return;
  try {
    const result = (await graphql(SAVE, { input: viewInput(formOptions()) })).saveMapView;
    if (result.__typename !== "MapView") {
      const details = (result.problems || []).map((p) => `${p.record}: ${p.problem}`);
      showProblem([result.message, ...details].join("\n"));
      return;
    }
    state.views = [result, ...state.views.filter((v) => v.id !== result.id)];
    renderViews();
    await activate(result, false);
    replace(byId("messages"), el("div", { class: "message success", role: "status" },
      t("maps.saved", { name: viewName(result) })));
    byId("view-heading").focus();
  } catch (error) {
    showError(error);
  }
}

function viewName(view) {
  if (view.title) return view.title;
  const kind = view.kind.toLowerCase().replace(/_/g, "-");
  const group = state.groups.find((g) => g.id === view.targetGroup);
  const actor = state.actors.find((a) => a.id === view.actor);
  const subject = group ? group.name : actor ? actor.name : view.actor || view.area || "";
  return subject ? `${t(`maps.kind.${kind}`)}: ${subject}` : t(`maps.kind.${kind}`);
}

function when(value) {
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { dateStyle: "medium" }).format(new Date(value));
}

function renderViews() {
  const items = state.views.map((view) => el("li", { dataset: { id: view.id } },
    el("span", { class: "grow" }, el("strong", {}, viewName(view)), el("br"),
      el("span", { class: "muted small" }, t("maps.view_meta", { who: view.createdBy, date: when(view.createdAt) })),
      view.problem ? [el("br"), el("span", { class: "view-problem" }, t("maps.view_broken"))] : null),
    view.problem ? null : el("button", {
      type: "button", class: "secondary", "aria-pressed": state.active && state.active.id === view.id ? "true" : "false",
      onclick: () => activate(view, true),
    }, t("maps.open")),
    canEdit() ? el("button", { type: "button", class: "secondary", onclick: () => renameView(view),
      "aria-label": t("maps.rename_named", { name: viewName(view) }) }, t("maps.rename")) : null,
    canEdit() ? el("button", { type: "button", class: "danger", onclick: () => deleteView(view),
      "aria-label": t("maps.delete_named", { name: viewName(view) }) }, t("maps.delete")) : null));
  replace(byId("views"), items.length ? items : el("li", { class: "muted" }, t("maps.no_views")));
}

/** An inline field in the view's row: Enter saves the new title, Escape keeps the old one. */
function renameView(view) {
  const row = byId("views").querySelector(`li[data-id="${CSS.escape(view.id)}"]`);
  const input = el("input", { type: "text", id: "rename-title", value: view.title || viewName(view),
    "aria-label": t("maps.rename_label"), maxlength: 200 });
  const save = async () => {
    try {
      const { renameMapView: r } = await graphql(`mutation($id: ID!, $title: String) {
        renameMapView(id: $id, title: $title) { __typename ... on MapView { ${VIEW_FIELDS} }
          ... on Error { message } ... on InvalidInputError { problems { problem } } } }`,
      { id: view.id, title: input.value.trim() || null });
      if (r.message) {
        showProblem([r.message, ...(r.problems || []).map((p) => p.problem)].join(": "));
        return;
      }
      state.views = state.views.map((v) => (v.id === r.id ? r : v));
      renderViews();
    } catch (error) {
      showError(error);
    }
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") save();
    if (event.key === "Escape") renderViews();
  });
  replace(row, input, el("button", { type: "button", id: "rename-save", onclick: save }, t("maps.rename_save")),
    el("button", { type: "button", class: "secondary", onclick: renderViews }, t("confirm.no")));
  input.focus();
  input.select();
}

async function deleteView(view) {
  if (!(await confirmDialog(t("maps.delete_confirm", { name: viewName(view) }), t("maps.delete")))) return;
  try {
    const { deleteMapView: r } = await graphql(`mutation($id: ID!) { deleteMapView(id: $id) {
      __typename ... on DeletedMapView { shareLinksRevoked } ... on Error { message } } }`, { id: view.id });
    if (r.message) {
      showProblem(r.message);
      return;
    }
    state.views = state.views.filter((v) => v.id !== view.id);
    if (state.active && state.active.id === view.id) {
      state.active = null;
      byId("view-panel").hidden = true;
    }
    renderViews();
    replace(byId("messages"), el("div", { class: "message success", role: "status" },
      t("maps.deleted", { n: r.shareLinksRevoked })));
  } catch (error) {
    showError(error);
  }
}

/** Make ``view`` the one shown, shared and downloaded; ``fill`` puts its options in the form. */
async function activate(view, fill) {
  state.active = view;
  if (fill) {
    const kind = view.kind.toLowerCase().replace(/_/g, "-");
    if (view.actor && !state.actors.some((a) => a.id === view.actor)) await rememberActor(view.actor);
    state.explore = viewExplore(view);
    byId("kind").value = kind;
    byId("metric").value = view.metric.toLowerCase();
    byId("young").value = view.youngPeople.toLowerCase();
    if (view.targetGroup) byId("target-group").value = view.targetGroup;
    if (view.actor) fillActors(view.actor);
    byId("area").value = view.area || "";
    byId("from-arena").value = view.fromArena;
    byId("to-arena").value = view.toArena;
    setFields({ hops: view.hops, depth: view.depth, title: view.title || "", lang: view.lang.toLowerCase() });
    showFields();
    showPreview();
  }
  byId("view-panel").hidden = false;
  byId("view-heading").textContent = viewName(view);
  for (const format of ["html", "png", "svg"]) byId(`download-${format}`).setAttribute("href", view.downloads[format]);
  byId("share-result").hidden = true;
  renderViews();
  if (canEdit()) await showLinks(view, state.me);
  if (fill) byId("view-heading").focus();
}

async function rememberActor(id) {
  try {
    const found = (await graphql(ACTOR_NAME, { id })).actor;
    if (found) state.actors = [found, ...state.actors];
  } catch (error) {
    showError(error);
  }
}

async function loadViews() {
  try {
    state.views = (await graphql(VIEWS)).mapViews;
  } catch (error) {
    showError(error);
  }
  renderViews();
}

// "Vis kortet" is listened for at once: a click made while the page still loads its lists is
// kept and answered as soon as it can be, never lost (nor sent as a plain form submission).
let ready = false;
let previewWanted = false;
byId("map-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if (ready) showPreview();
  else previewWanted = true;
});

async function main() {
  state.me = await startPage("maps");
  preview = new MapFrame(byId("preview"), { name: "preview-map", editable: canEdit(), onExplore: explored });
  for (const node of document.querySelectorAll(".editor-only")) node.hidden = !canEdit();
  byId("viewer-note").hidden = canEdit();
  const initial = readUrl();
  state.explore = Object.fromEntries(EXPLORE.filter((name) => initial[name]).map((name) => [name, initial[name]]));
  try {
    [state.groups, state.areas] = await Promise.all([loadTargetGroups(), loadAreas()]);
    if (initial.actor) await rememberActor(initial.actor);
  } catch (error) {
    showError(error);
  }
  byId("map-lang").value = initial.lang === "en" || initial.lang === "da" ? initial.lang : lang();
  setFields({ hops: initial.hops, depth: initial.depth, title: initial.title });
  fillChoices(initial);
  byId("kind").addEventListener("change", () => {
    byId("metric").value = defaultMetric(byId("kind").value);
    showFields();
  });
  byId("metric").addEventListener("change", showFields);
  for (const id of NODE_FIELDS) byId(id).addEventListener("change", () => { state.explore = {}; });
  byId("actor-search-button").addEventListener("click", findActors);
  byId("actor-search").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault(); // find the actor, do not draw the map yet
      findActors();
    }
  });
  ready = true;
  if (previewWanted) showPreview();
  byId("save-view").addEventListener("click", save);
  byId("share-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const days = byId("expires").value;
    showNewLink(state.active, days === "never" ? null : Number(days), state.me);
  });
  for (const button of document.querySelectorAll("button.copy")) {
    button.addEventListener("click", () => copyFrom(byId(button.dataset.copy)));
  }
  onLanguage(() => {
    fillChoices();
    renderViews();
    if (state.active) {
      byId("view-heading").textContent = viewName(state.active);
      if (canEdit()) showLinks(state.active, state.me);
    }
  });
  await loadViews();
  if (initial.kind) showPreview();
  else preview.hint(t("maps.preview_empty"));
}

main();
