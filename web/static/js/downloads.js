// The network as files, for any page that offers them: GraphML, GEXF, JSON, CSV (zipped) and
// the Kumu workbook. The server decides what each file holds for the signed-in role (a
// viewer's holds no young person and no contact person); the page only says so.
import { el, replace } from "./dom.js";
import { lang, t } from "./i18n.js";
import { seesPeople } from "./layout.js";

// Format code, file ending, and whether the file's own words follow the page's language.
const FORMATS = [
  ["graphml", "graphml", false],
  ["gexf", "gexf", false],
  ["json", "json", false],
  ["zip", "zip", true],
  ["kumu", "xlsx", false],
];

/** The list of downloads in ``list`` and the sentence on what they hold in ``content``. */
export function showDownloads(list, content) {
  content.textContent = t(seesPeople() ? "snapshots.files_people" : "snapshots.files_no_people");
  replace(list, ...FORMATS.map(([code, ending, worded]) => {
    const href = `/exports/network.${ending}${worded ? `?lang=${lang()}` : ""}`;
    return el("li", { dataset: { format: code } },
      el("a", { class: "button secondary", href, download: true, id: `download-${code}` }, t(`snapshots.format.${code}`)),
      el("span", { class: "muted" }, t(`snapshots.format_use.${code}`)));
  }));
}
