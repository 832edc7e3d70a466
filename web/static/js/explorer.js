// The explorer: find an actor by name, see its details and its ego map.
import { graphql } from "./api.js";
import { byId, el, replace } from "./dom.js";
import { lang, onLanguage, t, tn } from "./i18n.js";
import { canEdit, clearMessages, seesPeople, showError, showProblem, startPage } from "./layout.js";
import { MapFrame } from "./mapframe.js";
import { capital, label, labels } from "./words.js";

const PAGE_SIZE = 20;
const SHOWN_PER_TIE_GROUP = 12;
const ACTOR_KINDS = new Set(["ASSOCIATION", "BUSINESS", "MUNICIPAL_UNIT", "ORGANISATION"]);
// Contact persons and initiatives have their own lists; the area is a fact.
const TIES_SHOWN_ELSEWHERE = new Set(["WORKS_FOR", "VOLUNTEERS_AT", "PARTICIPATES_IN", "LOCATED_IN"]);

const SEARCH = `query Search($filter: ActorFilter, $first: Int!, $after: String) {
  actors(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name actorKind sector area { name } } }
  }
}`;

const ACTOR = `query Actor($id: ID!) {
  actor(id: $id) {
    id name actorKind sector arenas category description tieCount
    area { id name }
    contactPersons { id name role email phone }
    initiatives { role initiative { id name } }
    ties { type direction other { id name kind } }
  }
}`;

const state = { query: "", results: [], total: 0, cursor: null, hasMore: false, actor: null, picked: null };
let map;
// Answers can arrive out of order; only the latest search and pick may draw.
let searchSeq = 0;
let pickSeq = 0;

function readUrl() {
  const params = new URLSearchParams(location.search);
  return { q: params.get("q") || "", actor: params.get("actor"), depth: params.get("depth") === "2" ? "2" : "1" };
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.actor) params.set("actor", state.actor.id);
  if (byId("depth").value === "2") params.set("depth", "2");
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

async function search(more = false) {
  clearMessages();
  const seq = ++searchSeq;
  const filter = state.query ? { search: state.query } : null;
  try {
    const data = await graphql(SEARCH, { filter, first: PAGE_SIZE, after: more ? state.cursor : null });
    if (seq !== searchSeq) return;
    const page = data.actors;
    state.results = more ? state.results.concat(page.edges.map((e) => e.node)) : page.edges.map((e) => e.node);
    state.total = page.totalCount;
    state.cursor = page.pageInfo.endCursor;
    state.hasMore = page.pageInfo.hasNextPage;
    renderResults();
  } catch (error) {
    showError(error);
  }
}

function renderResults() {
  byId("result-count").textContent = state.total === 0 ? t("explorer.no_results")
    : tn("explorer.results", state.total, { shown: state.results.length });
  replace(byId("results"), state.results.map((actor) => el("li", {},
    el("button", {
      type: "button", class: "result", dataset: { id: actor.id },
      "aria-pressed": state.actor && state.actor.id === actor.id ? "true" : "false",
      onclick: () => pick(actor.id),
    },
    el("span", { class: "result-name" }, actor.name),
    el("span", { class: "result-meta" },
      [label("kind", actor.actorKind), actor.area ? actor.area.name : null].filter(Boolean).join(" · "))))));
  byId("more-results").hidden = !state.hasMore;
}

async function pick(id) {
  clearMessages();
  const seq = ++pickSeq;
  try {
    const data = await graphql(ACTOR, { id });
    if (seq !== pickSeq) return;
    if (!data.actor) {
      showProblem(t("explorer.not_found", { id }));
      return;
    }
    state.actor = data.actor;
    state.picked = null;
    renderActor();
    renderResults();
    writeUrl();
    byId("actor-heading").focus();
  } catch (error) {
    showError(error);
  }
}

function fact(term, ...value) {
  return [el("dt", {}, term), el("dd", {}, ...value)];
}

function renderActor() {
  const actor = state.actor;
  byId("actor-empty").hidden = Boolean(actor);
  byId("actor").hidden = !actor;
  if (!actor) return;
  const heading = byId("actor-heading");
  heading.textContent = actor.name;
  heading.tabIndex = -1;
  replace(byId("actor-facts"),
    fact(t("explorer.kind"), label("kind", actor.actorKind)),
    fact(t("explorer.sector"), capital(label("sector", actor.sector))),
    fact(t("explorer.arenas"), capital(labels("arena", actor.arenas) || t("words.none"))),
    fact(t("explorer.area"), actor.area ? actor.area.name : t("words.unknown")),
    actor.category ? fact(t("explorer.category"), actor.category) : null,
    actor.description ? fact(t("explorer.description"), actor.description) : null,
    fact(t("explorer.tie_count"), String(actor.tieCount)));
  renderContacts(actor);
  renderInitiatives(actor);
  renderTies(actor);
  renderSelection();
  showMap();
}

function renderContacts(actor) {
  const items = actor.contactPersons.map((p) => el("li", {},
    el("strong", {}, p.name), p.role ? ` · ${p.role}` : null,
    p.email ? [el("br"), el("a", { href: `mailto:${p.email}` }, p.email)] : null,
    p.phone ? [el("br"), el("a", { href: `tel:${p.phone.replace(/\s+/g, "")}` }, p.phone)] : null));
  const none = seesPeople() ? t("explorer.no_contacts") : t("people.hidden_contacts");
  replace(byId("contacts"), items.length ? items : el("li", { class: "muted" }, none));
}

function renderInitiatives(actor) {
  const items = actor.initiatives.map((p) => el("li", {},
    el("strong", {}, p.initiative.name), p.role ? ` · ${label("participation", p.role)}` : null));
  replace(byId("initiatives"), items.length ? items : el("li", { class: "muted" }, t("explorer.no_initiatives")));
}

function renderTies(actor) {
  const groups = new Map();
  for (const tie of actor.ties) {
    if (TIES_SHOWN_ELSEWHERE.has(tie.type)) continue;
    const name = label("tie", `${tie.type}.${tie.direction}`);
    if (!groups.has(name)) groups.set(name, { young: 0, others: [] });
    const group = groups.get(name);
    if (tie.other.kind === "YOUNG_PERSON") group.young += 1;
    else group.others.push(tie.other);
  }
  if (!groups.size) {
    replace(byId("ties"), el("p", { class: "muted" }, t("explorer.no_ties")));
    return;
  }
  const rows = [...groups.entries()].map(([name, group]) => {
    group.others.sort((a, b) => a.name.localeCompare(b.name, lang()));
    const shown = group.others.slice(0, SHOWN_PER_TIE_GROUP);
    const rest = group.others.length - shown.length;
    const names = shown.map((other) => (ACTOR_KINDS.has(other.kind)
      ? el("button", { type: "button", class: "link", onclick: () => pick(other.id) }, other.name)
      : el("span", {}, other.name)));
    const parts = [];
    names.forEach((node, i) => parts.push(i ? ", " : "", node));
    if (rest > 0) parts.push(" ", t("explorer.and_more", { n: rest }));
    if (group.young) parts.push(parts.length ? "; " : "", tn("explorer.young_people", group.young));
    return el("tr", {}, el("th", { scope: "row" }, name), el("td", {}, parts));
  });
  replace(byId("ties"), el("table", { class: "ties" }, el("tbody", {}, rows)));
}

function renderSelection() {
  const box = byId("map-selection");
  const node = state.picked;
  if (!node || !node.label) {
    replace(box, el("p", { class: "muted" }, t("explorer.map_hint")));
    return;
  }
  // The map names kinds as graphsvc's labels do ("MunicipalUnit"); the API as "MUNICIPAL_UNIT".
  const kind = node.kind ? String(node.kind).replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase() : "";
  const isActor = ACTOR_KINDS.has(kind) && node.id && (!state.actor || node.id !== state.actor.id);
  replace(box, el("p", {},
    el("span", { class: "muted" }, t("explorer.selected")), " ", el("strong", {}, node.label),
    kind ? ` (${label("kind", kind)})` : null, " ",
    isActor ? el("button", { type: "button", class: "secondary", id: "show-selected",
      onclick: () => pick(node.id) }, t("explorer.show_details", { name: node.label })) : null, " ",
    isActor && canEdit() ? el("a", { class: "button secondary", id: "edit-selected",
      href: `/workspace?id=${encodeURIComponent(node.id)}` }, t("explorer.edit_named", { name: node.label })) : null));
}

function showMap() {
  const depth = byId("depth").value;
  map.show("ego", { actor: state.actor.id, depth }, t("explorer.map_title", { name: state.actor.name }));
  const builder = new URLSearchParams({ kind: "ego", actor: state.actor.id, depth });
  byId("open-in-builder").setAttribute("href", `/maps?${builder}`);
  const edit = byId("edit-actor");
  edit.hidden = !canEdit();
  edit.setAttribute("href", `/workspace?id=${encodeURIComponent(state.actor.id)}`);
}

async function main() {
  await startPage("explorer");
  map = new MapFrame(byId("ego-map"), {
    name: "ego-map",
    onSelect: (detail) => {
      state.picked = detail;
      renderSelection();
    },
  });
  const initial = readUrl();
  byId("search").value = initial.q;
  byId("depth").value = initial.depth;
  state.query = initial.q;
  byId("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.query = byId("search").value.trim();
    writeUrl();
    search();
  });
  byId("more-results").addEventListener("click", () => search(true));
  byId("depth").addEventListener("change", () => {
    writeUrl();
    if (state.actor) showMap();
  });
  onLanguage(() => {
    if (state.results.length || state.total === 0) renderResults();
    renderActor();
  });
  byId("search").focus();
  await search();
  if (initial.actor) await pick(initial.actor);
}

main();
