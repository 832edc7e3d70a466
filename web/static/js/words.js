// Words for the codes the API sends (sectors, arenas, kinds, ...) and the sentences of the
// analytics. The server writes its sentences in English; in Danish the page writes them from
// the numbers that come with every finding, reason and broker, and falls back to the server's
// sentence for anything it does not know.
import { has, lang, number, percent, t, tn } from "./i18n.js";

/** The word for an enum value of the API, e.g. label("sector", "CIVIL_SOCIETY"). */
export function label(group, code) {
  if (code === null || code === undefined) return "";
  const key = `${group}.${String(code).toLowerCase()}`;
  return has(key) ? t(key) : String(code).toLowerCase().replace(/_/g, " ");
}

/** The word with a capital first letter, to stand on its own (a badge, a fact). */
export const capital = (text) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text);

export const labels = (group, codes) => (codes || []).map((c) => label(group, c)).join(", ");

/** "school+leisure" or "civil_society" as words. */
function groupWords(group) {
  if (!group) return "";
  return group.split("+").map((part) => (has(`sector.${part}`) ? label("sector", part)
    : label("arena", part))).join(" + ");
}

/** "fritidsaktør" (n = 1) or "fritidsaktører". */
function arenaActor(arena, n = 2) {
  return tn(`arena_actor.${String(arena).toLowerCase()}`, n);
}

/** "3 skoleaktører". */
function counted(arena, n) {
  return `${number(n)} ${arenaActor(arena, n)}`;
}

const SHARES = new Set(["share", "support_share", "registry_share"]);

/** Values of a finding or reason made readable (numbers, percentages, sector and arena words). */
function wordsFor(values) {
  const out = {};
  for (const [key, value] of Object.entries(values || {})) {
    if (SHARES.has(key) && typeof value === "number") out[key] = percent(value);
    else if (key === "index" || key === "tenant_index") {
      out[key] = value === null ? t("words.no_ties") : number(value, 2);
    } else if (typeof value === "number") out[key] = number(value);
    else out[key] = value;
  }
  if (values && values.sector) out.sector = label("sector", values.sector);
  if (values && values.arena) {
    out.arena_actor_one = arenaActor(values.arena, 1);
    out.arena = label("arena", values.arena);
  }
  return out;
}

const FINDING_VARIANTS = {
  missing_sector: (v) => (v.registry_actors ? "finding.missing_sector" : "finding.missing_sector_none"),
  school_without_leisure: (v) => (v.members_attending
    ? "finding.school_without_leisure_attended" : "finding.school_without_leisure"),
};

/** The sentence of a gap-report finding in the page's language. */
export function findingSentence(finding) {
  if (lang() === "en") return finding.sentence;
  const variant = FINDING_VARIANTS[finding.code];
  const key = variant ? variant(finding.values || {}) : `finding.${finding.code}`;
  if (!has(key)) return finding.sentence;
  const words = wordsFor(finding.values);
  if (words.sector) words.Sector = capital(words.sector);
  return t(key, words);
}

/** The sentence of a recommendation's reason in the page's language. */
export function reasonSentence(reason) {
  if (lang() === "en") return reason.sentence;
  const key = `reason.${reason.code}`;
  return has(key) ? t(key, wordsFor(reason.values)) : reason.sentence;
}

/** What a broker does, from its numbers. */
export function brokerSentence(broker, ranking) {
  if (lang() === "en") return broker.sentence;
  const parts = [
    t("broker.links", {
      sources: counted(ranking.sourceArena, broker.sourcesLinked),
      targets: counted(ranking.targetArena, broker.targetsLinked),
    }),
    t("broker.share", {
      share: percent(broker.share),
      source: label("arena", ranking.sourceArena), target: label("arena", ranking.targetArena),
    }),
  ];
  if (broker.mainRole) {
    const role = label("brokerage_role", broker.mainRole);
    parts.push(broker.mainRoleGroup
      ? t("broker.role_in", { role, group: groupWords(broker.mainRoleGroup) })
      : t("broker.role", { role }));
  }
  return parts.join("; ");
}

/** The summary line of a broker ranking. */
export function rankingSentence(ranking, areaName) {
  if (lang() === "en") return ranking.sentence;
  return t(areaName ? "brokers.summary_in" : "brokers.summary", {
    sources: counted(ranking.sourceArena, ranking.sources),
    targets: counted(ranking.targetArena, ranking.targets),
    area: areaName || "",
    connected: number(ranking.connectedPairs), pairs: number(ranking.pairs),
    source: label("arena", ranking.sourceArena), target: label("arena", ranking.targetArena),
  });
}
