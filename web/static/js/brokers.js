// The broker view: who connects the actors of one arena (school) with another (leisure).
import { graphql } from "./api.js";
import { byId, el, options, replace } from "./dom.js";
import { onLanguage, percent, t } from "./i18n.js";
import { canEdit, clearMessages, showError, showProblem, startPage } from "./layout.js";
import { MapFrame } from "./mapframe.js";
import { loadAreas } from "./lists.js";
import { brokerSentence, label, rankingSentence } from "./words.js";

const ARENAS = ["SCHOOL", "LEISURE", "HEALTH", "WORK", "FAMILY", "COMMUNITY"];

const BROKERS = `query Brokers($from: Arena!, $to: Arena!, $area: ID, $top: Int!) {
  brokers(fromArena: $from, toArena: $to, areaId: $area, top: $top) {
    sourceArena targetArena areaId sources targets pairs connectedPairs sentence
    brokers {
      rank id name kind sector arenas areaId share sourcesLinked targetsLinked
      mainRole mainRoleGroup sentence
    }
  }
}`;

const state = { areas: [], ranking: null };
let map;

function chosen() {
  return {
    from: byId("from-arena").value, to: byId("to-arena").value,
    area: byId("area").value || null, top: Number(byId("top").value),
  };
}

function fillChoices() {
  const { from, to, area } = byId("from-arena").options.length ? chosen() : readUrl();
  const arenas = ARENAS.map((a) => [a, label("arena", a)]);
  options(byId("from-arena"), arenas, from);
  options(byId("to-arena"), arenas, to);
  options(byId("area"), [["", t("brokers.all_areas")], ...state.areas.map((a) => [a.id, a.name])], area || "");
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const arena = (name, fallback) => {
    const value = (params.get(name) || "").toUpperCase();
    return ARENAS.includes(value) ? value : fallback;
  };
  const top = ["10", "20", "50"].includes(params.get("top")) ? params.get("top") : "20";
  return { from: arena("from", "SCHOOL"), to: arena("to", "LEISURE"), area: params.get("area") || "", top };
}

function writeUrl({ from, to, area, top }) {
  const params = new URLSearchParams({ from: from.toLowerCase(), to: to.toLowerCase() });
  if (area) params.set("area", area);
  if (top !== 20) params.set("top", String(top));
  history.replaceState(null, "", `?${params}`);
}

async function load() {
  clearMessages();
  const choice = chosen();
  if (choice.from === choice.to) {
    showProblem(t("brokers.same_arena"));
    return;
  }
  writeUrl(choice);
  byId("summary").textContent = t("words.loading");
  try {
    const data = await graphql(BROKERS, choice);
    state.ranking = data.brokers;
    render();
    showMap(choice);
  } catch (error) {
    byId("summary").textContent = "";
    showError(error);
  }
}

function areaName(id) {
  const area = state.areas.find((a) => a.id === id);
  return area ? area.name : null;
}

function render() {
  const ranking = state.ranking;
  if (!ranking) return;
  byId("summary").textContent = rankingSentence(ranking, areaName(ranking.areaId));
  const rows = ranking.brokers.map((b) => el("tr", { dataset: { id: b.id } },
    el("td", { class: "num" }, String(b.rank)),
    el("td", {},
      el("a", { href: `/explorer?actor=${encodeURIComponent(b.id)}`, class: "strong" }, b.name),
      el("div", { class: "muted small" },
        [label("kind", b.kind), b.sector ? label("sector", b.sector) : null, areaName(b.areaId)]
          .filter(Boolean).join(" · "))),
    el("td", { class: "num" }, el("span", { class: "share" }, percent(b.share)),
      el("span", { class: "bar", "aria-hidden": "true" },
        el("span", { class: "bar-fill", dataset: { share: String(b.share) } }))),
    el("td", {}, brokerSentence(b, ranking))));
  replace(byId("broker-rows"), rows.length ? rows
    : el("tr", {}, el("td", { colspan: "4", class: "muted" }, t("brokers.none"))));
  for (const fill of byId("broker-rows").querySelectorAll(".bar-fill")) {
    fill.style.width = `${Math.round(Number(fill.dataset.share) * 100)}%`;
  }
}

// The map highlights as many brokers as the table lists.
function showMap({ from, to, area, top }) {
  const params = { from: from.toLowerCase(), to: to.toLowerCase(), area, top };
  map.show("brokers", params, t("brokers.map_heading"));
  byId("open-in-builder").setAttribute("href", `/maps?${new URLSearchParams({ kind: "brokers", ...params, area: area || "" })}`);
}

async function main() {
  await startPage("brokers");
  map = new MapFrame(byId("broker-map"), { name: "broker-map", editable: canEdit() });
  const initial = readUrl();
  byId("top").value = initial.top;
  try {
    state.areas = await loadAreas();
  } catch (error) {
    showError(error);
  }
  fillChoices();
  byId("broker-form").addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  onLanguage(() => {
    fillChoices();
    render();
    if (state.ranking) showMap(chosen());
  });
  // An area the address names that the tenant does not have is said, not silently widened
  // to the whole municipality.
  if (initial.area && !state.areas.some((a) => a.id === initial.area)) {
    showProblem(t("brokers.unknown_area", { id: initial.area }));
    return;
  }
  await load();
}

main();
