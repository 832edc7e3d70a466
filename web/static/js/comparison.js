// A comparison of two moments of the network as tables that read in the page's language: the
// key figures, every measure before and after, partners and ties per sector and per arena,
// each target group's reach, and the partners and ties gained and lost by name.
import { el } from "./dom.js";
import { termHelp } from "./glossary.js";
import { lang, number, t, tn } from "./i18n.js";
import { capital, label } from "./words.js";

// How each measure reads: counts, shares (as percentages; a change in percentage points) or
// indices (two decimals).
const MEASURES = {
  ACTORS: "count",
  ACTOR_TIES: "count",
  DENSITY: "share",
  COMPONENTS: "count",
  ISOLATED_ACTORS: "count",
  CROSS_SECTOR_TIE_SHARE: "share",
  EI_INDEX: "index",
  DEGREE_CENTRALISATION: "index",
};

const locale = () => (lang() === "da" ? "da-DK" : "en-GB");

function format(value, digits, signed = false) {
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: signed ? "exceptZero" : "auto",
  }).format(value).replace("-", "\u2212"); // a minus that reads as one on a projector
}

/** "15. januar 2026" / "15 January 2026" from an ISO day, read as that day wherever we are. */
export function dayText(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(new Date(y, m - 1, d));
}

/** A moment's name for a heading: "Kick-off (15. januar 2026)", or "nu". */
export function momentText(moment) {
  return moment.isNow ? t("snapshots.now") : `${moment.name} (${dayText(moment.takenOn)})`;
}

/** A moment as a column heading: its name, and its day below in short. */
function momentHeading(moment) {
  if (moment.isNow) return t("snapshots.now_heading");
  const [y, m, d] = moment.takenOn.split("-").map(Number);
  const day = new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(new Date(y, m - 1, d));
  return [moment.name, el("span", { class: "hint block" }, day)];
}

function value(kind, v) {
  if (v === null || v === undefined) return el("span", { title: t("snapshots.undefined") }, "–");
  if (kind === "count") return format(v, 0);
  if (kind === "share") return `${format(v * 100, v < 0.1 ? 1 : 0)}${lang() === "da" ? " %" : "%"}`;
  return format(v, 2);
}

function change(kind, v) {
  if (v === null || v === undefined) return "–";
  if (kind === "count") return format(v, 0, true);
  if (kind === "share") return t("snapshots.points", { n: format(v * 100, 1, true) });
  return format(v, 2, true);
}

/** A table; ``head`` is one row of ``[text, class]`` cells, or rows of them (``[text,
 * class, {colspan, rowspan, scope}]``) for headings over groups of columns. */
function table(id, caption, head, rows, empty) {
  if (!rows.length) return el("p", { class: "muted", id }, empty);
  const headRows = Array.isArray(head[0][0]) ? head : [head];
  return el("table", { class: "data-table", id },
    el("caption", {}, caption),
    el("thead", {}, headRows.map((cells) => el("tr", {}, cells.map(([text, cls, more]) =>
      el("th", { scope: "col", class: cls || null, ...(more || {}) }, text))))),
    el("tbody", {}, rows));
}

function figure(id, n, text) {
  return el("div", { class: "figure", id },
    el("span", { class: "figure-number" }, number(n)), el("span", { class: "figure-text" }, text));
}

/** The four numbers a comparison is first read by. */
export function keyFigures(c) {
  return [
    figure("figure-partners-gained", c.partnersGainedCount, tn("snapshots.fig_partners_gained", c.partnersGainedCount)),
    figure("figure-partners-lost", c.partnersLostCount, tn("snapshots.fig_partners_lost", c.partnersLostCount)),
    figure("figure-ties-gained", c.tiesGainedCount, tn("snapshots.fig_ties_gained", c.tiesGainedCount)),
    figure("figure-ties-lost", c.tiesLostCount, tn("snapshots.fig_ties_lost", c.tiesLostCount)),
  ];
}

/** The comparison in one sentence, written from its numbers. */
export function sentence(c) {
  return t("snapshots.sentence", {
    before: momentText(c.before), after: momentText(c.after),
    partners_gained: tn("snapshots.partners_gained", c.partnersGainedCount),
    partners_lost: number(c.partnersLostCount),
    ties_gained: tn("snapshots.ties_gained", c.tiesGainedCount),
    ties_lost: number(c.tiesLostCount),
  });
}

// The measures that have a glossary entry of their own (the counts explain themselves).
const GLOSSARY_KEYS = {
  density: "density", components: "components", cross_sector_tie_share: "cross_sector_ties",
  ei_index: "ei_index", degree_centralisation: "centralisation",
};

function measuresTable(c) {
  const rows = c.measures.map((m) => {
    const kind = MEASURES[m.measure] || "index";
    const code = m.measure.toLowerCase();
    return el("tr", { dataset: { measure: code } },
      el("th", { scope: "row", class: "name-col" }, t(`snapshots.measure.${code}`),
        GLOSSARY_KEYS[code] ? termHelp(GLOSSARY_KEYS[code]) : null,
        el("span", { class: "hint block" }, t(`snapshots.measure_help.${code}`))),
      el("td", { class: "num" }, value(kind, m.before)),
      el("td", { class: "num" }, value(kind, m.after)),
      el("td", { class: "num strong" }, change(kind, m.change)));
  });
  return table("measures-table", t("snapshots.measures_caption"),
    [[t("snapshots.measure")], [momentHeading(c.before), "num"], [momentHeading(c.after), "num"], [t("snapshots.change"), "num"]],
    rows, "");
}

function groupTable(id, caption, first, groups, word) {
  const rows = groups.map((g) => el("tr", { dataset: { group: g.code } },
    el("th", { scope: "row" }, capital(label(word, g.code))),
    el("td", { class: "num" }, number(g.actorsBefore)),
    el("td", { class: "num" }, number(g.actorsAfter)),
    el("td", { class: "num" }, format(g.partnersGained, 0, true)),
    el("td", { class: "num" }, g.partnersLost ? format(-g.partnersLost, 0, true) : "0"),
    el("td", { class: "num" }, format(g.tiesGained, 0, true)),
    el("td", { class: "num" }, g.tiesLost ? format(-g.tiesLost, 0, true) : "0")));
  // Two rows of headings: short words under "Partnere" and "Forbindelser", to fit half a projector.
  return table(id, caption, [
    [[first, null, { rowspan: 2 }], [t("snapshots.partners"), "group", { colspan: 4, scope: "colgroup" }],
      [t("snapshots.ties"), "group", { colspan: 2, scope: "colgroup" }]],
    [[t("snapshots.col_before"), "num"], [t("snapshots.col_after"), "num"], [t("snapshots.col_gained"), "num"],
      [t("snapshots.col_lost_partners"), "num"], [t("snapshots.col_gained"), "num"], [t("snapshots.col_lost_ties"), "num"]],
  ], rows, t("snapshots.no_groups"));
}

function share(v, reached, members) {
  if (v === null || v === undefined) return "–";
  return `${format(v * 100, 0)}${lang() === "da" ? " %" : "%"} (${number(reached)}/${number(members)})`;
}

function reachTable(c) {
  const rows = c.reach.map((r) => el("tr", { dataset: { id: r.targetGroupId } },
    el("th", { scope: "row" }, r.name),
    el("td", { class: "num" }, share(r.shareBefore, r.reachedBefore, r.membersBefore)),
    el("td", { class: "num" }, share(r.shareAfter, r.reachedAfter, r.membersAfter)),
    el("td", { class: "num strong" }, change("share", r.change))));
  return table("reach-table", t("snapshots.reach_caption"),
    [[t("snapshots.target_group")], [momentHeading(c.before), "num"], [momentHeading(c.after), "num"], [t("snapshots.change"), "num"]],
    rows, t("snapshots.no_reach"));
}

function tieTable(id, caption, ties, total, empty) {
  const rows = ties.map((tie) => el("tr", {},
    el("td", {}, tie.sourceName),
    el("td", { class: "muted" }, t(`tie.${tie.type.toLowerCase()}.outgoing`).toLowerCase()),
    el("td", {}, tie.targetName)));
  const shown = table(id, caption, [[t("snapshots.tie_from")], [t("snapshots.tie_type")], [t("snapshots.tie_to")]],
    rows, empty);
  return ties.length < total ? [shown, el("p", { class: "hint" }, t("snapshots.more", { shown: number(ties.length), n: number(total) }))] : shown;
}

function partnerList(id, caption, partners, total, empty) {
  const rows = partners.map((p) => el("tr", {},
    el("td", {}, p.name), el("td", { class: "muted" }, label("kind", p.kind)), el("td", {}, label("sector", p.sector))));
  const shown = table(id, caption, [[t("snapshots.partner")], [t("snapshots.kind")], [t("snapshots.sector")]], rows, empty);
  return partners.length < total ? [shown, el("p", { class: "hint" }, t("snapshots.more", { shown: number(partners.length), n: number(total) }))] : shown;
}

/** Every table of the comparison ``c``, each in a panel of its own. */
export function comparisonTables(c) {
  const sectors = c.bySector.map((s) => ({ ...s, code: s.sector }));
  const arenas = c.byArena.map((a) => ({ ...a, code: a.arena }));
  const panel = (id, heading, ...content) => el("section", { class: "panel", "aria-labelledby": `${id}-heading` },
    el("h3", { id: `${id}-heading`, class: "panel-title" }, heading), ...content);
  return [
    panel("changed-ties", t("snapshots.ties_heading"),
      tieTable("ties-gained-table", t("snapshots.ties_gained_caption"), c.tiesGained, c.tiesGainedCount, t("snapshots.no_ties_gained")),
      tieTable("ties-lost-table", t("snapshots.ties_lost_caption"), c.tiesLost, c.tiesLostCount, t("snapshots.no_ties_lost"))),
    panel("changed-partners", t("snapshots.partners_heading"),
      partnerList("partners-gained-table", t("snapshots.partners_gained_caption"), c.partnersGained, c.partnersGainedCount, t("snapshots.no_partners_gained")),
      partnerList("partners-lost-table", t("snapshots.partners_lost_caption"), c.partnersLost, c.partnersLostCount, t("snapshots.no_partners_lost"))),
    panel("measures", t("snapshots.measures_heading"), measuresTable(c)),
    panel("by-sector", t("snapshots.by_sector_heading"),
      groupTable("sector-table", t("snapshots.by_sector_caption"), t("snapshots.sector"), sectors, "sector")),
    panel("by-arena", t("snapshots.by_arena_heading"),
      groupTable("arena-table", t("snapshots.by_arena_caption"), t("snapshots.arena"), arenas, "arena")),
    panel("reach", t("snapshots.reach_heading"), reachTable(c)),
  ];
}
