// The gap report of a target group: findings, partners to recruit (in today's order or by
// their measured effect), the recruitment list, and a what-if of recruiting the candidates a
// coordinator ticks or losing an actor the report names.
import { graphql } from "./api.js";
import { byId, el, options, replace } from "./dom.js";
import { lang, number, onLanguage, t, tn } from "./i18n.js";
import { canEdit, clearMessages, seesPeople, showError, showProblem, startPage } from "./layout.js";
import { loadTargetGroups } from "./lists.js";
import { MapFrame } from "./mapframe.js";
import { WhatIfPanel } from "./whatif.js";
import { capital, findingSentence, label, reasonSentence } from "./words.js";

const RECOMMENDATIONS_SHOWN = 10;

const REPORT = `query Gaps($id: ID!, $top: Int!, $order: RecommendationOrder!) {
  gapReport(targetGroupId: $id) {
    targetGroupId name memberCount
    sectors { missing underRepresented }
    findings { code severity sentence subjects values }
  }
  recommendations(targetGroupId: $id, top: $top, order: $order) {
    order orderStatement { sentence sentenceDa }
    recommendations {
      rank id name kind sector areaName score sentence
      reasons { code points sentence values }
      contacts { id name role email phone relation }
      introductionPath { id name kind }
      measured { scoreRank statement { sentence sentenceDa } }
    }
  }
}`;

const state = { groups: [], report: null, recommendations: [], order: null, picked: new Map() };
let map;
let whatIf;

function chosenId() {
  return byId("target-group").value;
}

const said = (statement) => (lang() === "da" ? statement.sentenceDa : statement.sentence);

// Focus moves to the report only when the coordinator asked for it: on opening the page it
// stays at the top, where a keyboard user starts.
async function load({ focusReport = false } = {}) {
  clearMessages();
  const id = chosenId();
  if (!id) return;
  history.replaceState(null, "", `?${new URLSearchParams({ target_group: id })}`);
  byId("report-status").textContent = t("words.loading");
  try {
    const order = byId("rec-order").value;
    const data = await graphql(REPORT, { id, top: RECOMMENDATIONS_SHOWN, order });
    byId("report-status").textContent = "";
    if (!state.report || state.report.targetGroupId !== data.gapReport.targetGroupId) forgetWhatIf();
    state.report = data.gapReport;
    state.recommendations = data.recommendations.recommendations;
    state.order = data.recommendations.orderStatement;
    render();
    showMap();
    if (focusReport) byId("report-heading").focus();
  } catch (error) {
    byId("report-status").textContent = "";
    state.report = null;
    byId("report").hidden = true;
    showError(error);
  }
}

function badges(sectors) {
  if (!sectors.length) return el("span", { class: "badge ok" }, capital(t("words.none")));
  return sectors.map((s) => el("span", { class: "badge alert" }, capital(label("sector", s))));
}

function render() {
  const report = state.report;
  byId("report").hidden = !report;
  if (!report) return;
  byId("report-heading").textContent = report.name;
  byId("report-members").textContent = tn("gaps.members", report.memberCount);
  replace(byId("missing-sectors"), badges(report.sectors.missing));
  replace(byId("under-sectors"), badges(report.sectors.underRepresented));
  const base = `/exports/recruitment/${encodeURIComponent(report.targetGroupId)}`;
  byId("download-csv").setAttribute("href", `${base}.csv?lang=${lang()}`);
  byId("download-xlsx").setAttribute("href", `${base}.xlsx?lang=${lang()}`);
  const findings = report.findings.map((f) => el("li", { class: `finding severity-${f.severity.toLowerCase()}`, dataset: { code: f.code } },
    el("span", { class: `badge severity severity-${f.severity.toLowerCase()}` }, label("severity", f.severity)),
    el("span", { class: "finding-text" }, findingSentence(f),
      f.code === "single_point_of_failure" ? losing(f) : null)));
  replace(byId("findings"), findings.length ? findings : el("li", { class: "muted" }, t("gaps.no_findings")));
  byId("rec-order-statement").textContent = state.order ? said(state.order) : "";
  const cards = state.recommendations.map(card);
  replace(byId("recommendations"), cards.length ? cards : el("li", { class: "muted" }, t("gaps.no_recommendations")));
  renderPicked();
}

// "What if it went?" beside a single point of failure: the what-if of losing that actor.
function losing(finding) {
  const actor = finding.subjects[0];
  return el("button", {
    type: "button", class: "link whatif-lose", dataset: { actor },
    onclick: () => runWhatIf({ removeActorIds: [actor] }),
  }, t("whatif.lose", { name: finding.values.actor_name }));
}

function card(r) {
  const path = r.introductionPath.length
    ? el("ol", { class: "path", "aria-label": t("gaps.introduction") },
      r.introductionPath.map((step) => el("li", {}, step.id ? step.name : t("people.hidden_step"))))
    : el("p", { class: "muted" }, t("gaps.no_path"));
  const contacts = r.contacts.length
    ? el("ul", { class: "plain-list" }, r.contacts.map((c) => el("li", {},
      el("strong", {}, c.name), c.role ? ` · ${c.role}` : null,
      c.email ? [" · ", el("a", { href: `mailto:${c.email}` }, c.email)] : null,
      c.phone ? [" · ", el("a", { href: `tel:${c.phone.replace(/\s+/g, "")}` }, c.phone)] : null)))
    : el("p", { class: "muted" }, seesPeople() ? t("gaps.no_contacts") : t("people.hidden_contacts"));
  const pick = el("input", {
    type: "checkbox", class: "whatif-pick", id: `pick-${r.rank}`, value: r.id, checked: state.picked.has(r.id),
    onchange: (event) => {
      if (event.target.checked) state.picked.set(r.id, r.name);
      else state.picked.delete(r.id);
      renderPicked();
    },
  });
  const measured = r.measured
    ? el("p", { class: "measured" }, el("strong", {}, t("whatif.measured")), " ", said(r.measured.statement),
      el("span", { class: "muted" }, ` ${t("whatif.score_rank", { rank: r.measured.scoreRank })}`))
    : null;
  return el("li", { class: "card recommendation", dataset: { id: r.id } },
    el("div", { class: "card-head" },
      el("span", { class: "rank" }, `${r.rank}.`), " ",
      el("a", { href: `/explorer?actor=${encodeURIComponent(r.id)}`, class: "card-title" }, r.name),
      el("span", { class: "score", title: t("gaps.score_title") }, t("gaps.score", { score: number(r.score, 1) }))),
    el("p", { class: "muted small" },
      [label("kind", r.kind), r.sector ? label("sector", r.sector) : null, r.areaName].filter(Boolean).join(" · ")),
    el("p", { class: "check whatif-check" }, pick, el("label", { for: `pick-${r.rank}` }, t("whatif.pick"))),
    measured,
    el("h3", {}, t("gaps.reasons")),
    el("ul", { class: "reasons" }, r.reasons.map((reason) => el("li", {}, reasonSentence(reason),
      el("span", { class: "points" }, ` (+${number(reason.points, 1)})`)))),
    el("h3", {}, t("gaps.contacts")), contacts,
    el("h3", {}, t("gaps.introduction")), path);
}

function renderPicked() {
  const names = [...state.picked.values()];
  replace(byId("whatif-picked"), names.length
    ? names.map((name) => el("span", { class: "badge picked" }, name))
    : el("span", { class: "muted" }, t("whatif.none_picked")));
  byId("whatif-run").disabled = !names.length;
  byId("whatif-clear").disabled = !names.length;
}

async function runWhatIf(change) {
  byId("whatif-heading").focus();
  await whatIf.run(state.report.targetGroupId, change);
}

function forgetWhatIf() {
  state.picked.clear();
  whatIf.result = null;
  whatIf.render();
}

function showMap() {
  const id = state.report.targetGroupId;
  map.show("gaps", { target_group: id }, t("gaps.map_heading"));
  byId("open-in-builder").setAttribute("href", `/maps?${new URLSearchParams({ kind: "gaps", target_group: id })}`);
}

async function main() {
  await startPage("gaps");
  map = new MapFrame(byId("gap-map"), { name: "gap-map", editable: canEdit() });
  whatIf = new WhatIfPanel(byId("whatif-result"));
  try {
    state.groups = await loadTargetGroups();
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
  if (!state.groups.length) {
    showProblem(t("gaps.no_groups"));
    return;
  }
  byId("gap-form").addEventListener("submit", (event) => {
    event.preventDefault();
    load({ focusReport: true });
  });
  byId("rec-order").addEventListener("change", () => load());
  byId("whatif-run").addEventListener("click", () => runWhatIf({
    recruit: [...state.picked.keys()].map((actorId) => ({ actorId })),
  }));
  byId("whatif-clear").addEventListener("click", () => {
    state.picked.clear();
    render();
  });
  onLanguage(() => {
    fill();
    render();
    whatIf.render();
    if (state.report) showMap();
  });
  // A target group the address names that the tenant does not have is said; no other
  // group's report is shown in its place.
  if (wanted && wanted !== selected) {
    showProblem(t("gaps.unknown_group", { id: wanted }));
    return;
  }
  await load();
}

main();
