// A what-if: what a change would do for a target group, before anyone is asked. The server
// computes it on a copy of the network and writes nothing; this shows its sentences (in the
// page's language), leisure access per area and age band before and after, and the map of
// the support network as it would be.
import { graphql } from "./api.js";
import { el, replace } from "./dom.js";
import { lang, number, t } from "./i18n.js";
import { showError } from "./layout.js";
import { MapFrame } from "./mapframe.js";

const WHAT_IF = `query WhatIf($tg: ID!, $change: WhatIfInput!) {
  whatIf(targetGroupId: $tg, change: $change) {
    name members
    effect { membersReached membersCutOff leisureGained leisureLost gapsClosed gapsOpened }
    statements { code sentence sentenceDa }
    leisureAccessByArea { group label members before after }
    leisureAccessByAgeBand { group label members before after }
  }
}`;

/** The address of the map of ``change`` for ``targetGroup`` (see /maps/whatif.html). */
export function whatIfMapUrl(targetGroup, change) {
  const query = new URLSearchParams({ target_group: targetGroup, lang: lang() });
  for (const r of change.recruit || []) query.append("recruit", r.viaId ? `${r.actorId}@${r.viaId}` : r.actorId);
  for (const p of change.addTies || []) query.append("add_tie", `${p.firstId},${p.secondId}`);
  for (const p of change.removeTies || []) query.append("remove_tie", `${p.firstId},${p.secondId}`);
  for (const a of change.removeActorIds || []) query.append("remove_actor", a);
  return `/maps/whatif.html?${query}`;
}

export class WhatIfPanel {
  /** ``root`` receives the result; ``mapName`` names the map's frame. */
  constructor(root, { mapName = "whatif-map" } = {}) {
    this.root = root;
    this.status = el("p", { class: "summary muted", role: "status" });
    this.messages = el("div");
    this.statements = el("ul", { class: "statements", id: `${mapName}-statements` });
    this.tables = el("div", { class: "whatif-tables" });
    const mapBox = el("div", { class: "map-box whatif-map" });
    this.mapHeading = el("h3", { class: "whatif-map-heading", hidden: true }, t("whatif.map_heading"));
    replace(root, this.status, this.messages, this.statements, this.tables, this.mapHeading, mapBox);
    this.map = new MapFrame(mapBox, { name: mapName });
    this.map.hint(t("whatif.map_hint"));
    this.result = null;
    this.asked = null;
  }

  /** Compute and show the what-if of ``change`` (a WhatIfInput) for ``targetGroup``. */
  async run(targetGroup, change) {
    this.asked = { targetGroup, change };
    this.messages.replaceChildren();
    this.status.textContent = t("whatif.computing");
    try {
      const data = await graphql(WHAT_IF, { tg: targetGroup, change });
      this.result = data.whatIf;
      this.status.textContent = "";
      this.render();
      return this.result;
    } catch (error) {
      this.status.textContent = "";
      this.result = null;
      this.render();
      showError(error, this.messages);
      return null;
    }
  }

  /** Draw the result again (after a change of language). */
  render() {
    const r = this.result;
    if (!r) {
      replace(this.statements);
      replace(this.tables);
      this.mapHeading.hidden = true;
      this.map.hint(t("whatif.map_hint"));
      return;
    }
    replace(this.statements, r.statements.map((s) => el("li", { dataset: { code: s.code } },
      lang() === "da" ? s.sentenceDa : s.sentence)));
    replace(this.tables,
      accessTable(t("whatif.by_area"), t("whatif.area"), r.leisureAccessByArea,
        (c) => (c.group === "unknown" ? t("words.unknown") : c.label)),
      accessTable(t("whatif.by_age_band"), t("whatif.age_band"), r.leisureAccessByAgeBand,
        (c) => (c.group === "unknown" ? t("words.unknown") : t("whatif.years", { band: c.label }))));
    this.mapHeading.hidden = false;
    this.map.showUrl(whatIfMapUrl(this.asked.targetGroup, this.asked.change), t("whatif.map_heading"));
  }
}

function accessTable(caption, groupWord, rows, labelOf) {
  const head = el("thead", {}, el("tr", {},
    el("th", { scope: "col" }, groupWord),
    el("th", { scope: "col", class: "num" }, t("whatif.members")),
    el("th", { scope: "col", class: "num" }, t("whatif.now")),
    el("th", { scope: "col", class: "num" }, t("whatif.after")),
    el("th", { scope: "col", class: "num" }, t("whatif.change"))));
  const body = el("tbody", {}, rows.map((c) => {
    const change = c.after - c.before;
    return el("tr", { class: change ? "changed" : null, dataset: { group: c.group } },
      el("th", { scope: "row" }, labelOf(c)),
      el("td", { class: "num" }, number(c.members)),
      el("td", { class: "num" }, number(c.before)),
      el("td", { class: "num" }, number(c.after)),
      el("td", { class: "num" }, change > 0 ? `+${number(change)}` : number(change)));
  }));
  return el("table", { class: "data-table whatif-table" }, el("caption", {}, caption), head, body);
}
