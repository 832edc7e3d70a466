// Import from the browser: choose a file (a spreadsheet, a Kumu project, GraphML, GEXF or
// graphsvc's JSON), check it (a dry run that writes nothing), read the report as a table, map
// columns the file names differently, say what the file's own type words mean and what rows that
// give no sector or tie type are, then import — all of it, or the valid rows only when asked.
// The same /imports route the command line's scripts use; the choices are remembered for the
// tenant's next file of the same shape.
import { byId, el, replace } from "../dom.js";
import { lang, number, t } from "../i18n.js";

const KINDS = ["", "actors", "contacts", "young_people", "areas", "target_groups", "initiatives", "ties",
  "survey"];
const ACCEPTED = ".csv,.txt,.xlsx,.json,.graphml,.xml,.gexf";
const ACTOR_KINDS = ["association", "business", "municipal_unit", "organisation"];
const SECTORS = ["public", "civil_society", "business", "philanthropy", "knowledge", "citizens"];
const ARENAS = ["school", "leisure", "health", "work", "family", "community"];
const TIE_TYPES = ["collaborates_with", "refers_to", "funds"];
const UNKNOWN_TYPE = /^'(.+)' is not a type graphsvc knows$/;
let drawn = false;
let mapping = {};
let defaults = {};
let types = {};

function upload(file, params, onProgress) {
  // XMLHttpRequest, not fetch: it reports the upload's progress.
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (Array.isArray(value)) value.forEach((v) => query.append(name, v));
      else if (value !== "" && value !== null && value !== undefined) query.append(name, String(value));
    }
    const body = new FormData();
    body.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/imports?${query}`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        reject(new Error(`${xhr.status} ${xhr.statusText}`));
        return;
      }
      if (xhr.status === 200 || xhr.status === 422) resolve(answer);
      else reject(new Error(answer.detail || `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new Error(t("error.network")));
    xhr.send(body);
  });
}

function countsTable(counts) {
  const rows = Object.entries(counts || {});
  if (!rows.length) return null;
  return el("table", { class: "data-table", id: "import-counts" },
    el("caption", {}, t("import.counts")),
    el("thead", {}, el("tr", {}, ["what", "new", "changed", "unchanged"].map((h) =>
      el("th", { scope: "col" }, t(`import.col.${h}`))))),
    el("tbody", {}, rows.map(([what, c]) => el("tr", {},
      el("th", { scope: "row" }, t(`import.sort.${what}`)),
      el("td", {}, number(c.new)), el("td", {}, number(c.changed)), el("td", {}, number(c.unchanged))))));
}

function problemsTable(entries) {
  const shown = entries.filter((e) => e.severity !== "info");
  if (!shown.length) return el("p", { class: "muted" }, t("import.no_problems"));
  // A file of several tables (Kumu's Elements and Connections) names the table with the row.
  const where = (e) => [e.sheet, e.row].filter((part) => part !== null && part !== undefined).join(" ");
  return el("table", { class: "data-table", id: "import-problems" },
    el("caption", {}, t("import.problems", { n: shown.length })),
    el("thead", {}, el("tr", {}, ["severity", "row", "column", "problem", "suggestion"].map((h) =>
      el("th", { scope: "col" }, t(`import.col.${h}`))))),
    el("tbody", {}, shown.map((e) => el("tr", { class: `severity-${e.severity}` },
      el("td", {}, t(`import.severity.${e.severity}`)), el("td", {}, where(e)),
      el("td", {}, e.column ?? ""), el("td", {}, e.problem), el("td", {}, e.suggestion ?? "")))));
}

function choice(id, label, options, chosen, onchange, empty = "import.default_none") {
  return el("div", { class: "field" },
    el("label", { for: id }, label),
    el("select", { id, onchange: (e) => onchange(e.target.value) },
      el("option", { value: "" }, t(empty)),
      options.map(([value, text]) => el("option", { value, selected: chosen === value }, text))));
}

/** Values for the rows that give none: a sector for a drawn network without one, a tie type
 * for an edge list. Offered when the file is a network or the report asks for one. */
function defaultControls(report, recheck) {
  const asks = (report.entries || []).some((e) => /has no sector|no type column/.test(e.problem));
  if (!asks || report.written) return null;
  return el("fieldset", { id: "import-defaults", class: "mapping" },
    el("legend", {}, t("import.defaults")),
    choice("default-sector", t("import.default_sector"), SECTORS.map((s) => [s, t(`sector.${s}`)]),
      defaults.sector, (v) => { defaults.sector = v; }),
    choice("default-type", t("import.default_type"),
      TIE_TYPES.map((k) => [k, t(`tie.${k}.outgoing`)]), defaults.type, (v) => { defaults.type = v; }),
    el("button", { type: "button", class: "secondary", onclick: recheck }, t("import.recheck_choices")));
}

/** The file's own type words graphsvc does not know ("Bibliotek"): what kind of actor each is,
 * in which sector and arena. Remembered for the tenant. */
function typeControls(report, recheck) {
  const words = [...new Set((report.entries || [])
    .map((e) => UNKNOWN_TYPE.exec(e.problem)).filter(Boolean).map((m) => m[1]))];
  if (!words.length || report.written) return null;
  return el("fieldset", { id: "import-types", class: "mapping" },
    el("legend", {}, t("import.types")),
    words.map((word, i) => {
      const chosen = types[word] || (types[word] = { kind: "", sector: "", arena: "" });
      return el("div", { class: "type-row", role: "group", "aria-label": word },
        el("strong", {}, word),
        choice(`type-${i}-kind`, t("import.type_kind"), ACTOR_KINDS.map((k) => [k, t(`kind.${k}`)]),
          chosen.kind, (v) => { chosen.kind = v; }, "import.type_pick"),
        choice(`type-${i}-sector`, t("import.type_sector"), SECTORS.map((s) => [s, t(`sector.${s}`)]),
          chosen.sector, (v) => { chosen.sector = v; }, "import.type_pick"),
        choice(`type-${i}-arena`, t("import.type_arena"), ARENAS.map((a) => [a, t(`arena.${a}`)]),
          chosen.arena, (v) => { chosen.arena = v; }));
    }),
    el("button", { type: "button", class: "secondary", onclick: recheck }, t("import.recheck_choices")));
}

const chosenTypes = () => Object.entries(types)
  .map(([word, c]) => [word, [c.kind, c.sector, c.arena].filter(Boolean).join(", ")])
  .filter(([, text]) => text)
  .map(([word, text]) => `${word}=${text}`);

function mappingControls(report, recheck) {
  if (!report.unused_columns || !report.unused_columns.length) return null;
  return el("fieldset", { id: "import-mapping", class: "mapping" },
    el("legend", {}, t("import.mapping")),
    report.unused_columns.map((heading, i) => el("div", { class: "field" },
      el("label", { for: `map-${i}` }, heading),
      el("select", { id: `map-${i}`, onchange: (e) => { mapping[heading] = e.target.value; } },
        el("option", { value: "" }, t("import.map_ignore")),
        report.fields.map((f) => el("option", { value: f, selected: mapping[heading] === f }, f))))),
    el("button", { type: "button", class: "secondary", onclick: recheck }, t("import.recheck")));
}

function summary(report) {
  const errors = report.errors || 0;
  if (report.written) return t("import.written", { file: report.file_name });
  if (errors) return t("import.has_errors", { n: errors });
  return t("import.ready", { file: report.file_name });
}

/** Draw the import panel into ``box`` (once; it keeps its state between tabs). */
export function showImport(box) {
  if (drawn) return;
  drawn = true;
  const kind = el("select", { id: "import-kind", name: "kind" },
    KINDS.map((k) => el("option", { value: k }, t(`import.kind.${k || "auto"}`))));
  const file = el("input", { id: "import-file", type: "file", accept: ACCEPTED, required: true });
  const skip = el("input", { id: "import-skip", type: "checkbox" });
  const survey = el("input", { id: "import-survey", type: "text", autocomplete: "off" });
  const templates = el("p", { id: "import-templates" });
  const progress = el("progress", { id: "import-progress", max: 1, hidden: true });
  const report = el("div", { id: "import-report", "aria-live": "polite" });
  const run = el("button", { type: "button", id: "import-run", disabled: true }, t("import.run"));

  const drawTemplates = () => {
    const k = kind.value || "actors";
    replace(templates, t("import.templates"), " ",
      el("a", { href: `/imports/templates/${k}.xlsx?lang=${lang()}` }, "XLSX"), " · ",
      el("a", { href: `/imports/templates/${k}.csv?lang=${lang()}` }, "CSV"));
  };
  kind.addEventListener("change", drawTemplates);
  file.addEventListener("change", () => {
    mapping = {};
    defaults = {};
    types = {};
    run.disabled = true;
    replace(report);
  });

  async function send(dryRun) {
    if (!file.files.length) {
      replace(report, el("p", { class: "message error", role: "alert" }, t("import.pick_file")));
      file.focus();
      return;
    }
    progress.hidden = false;
    progress.removeAttribute("value");
    const params = { kind: kind.value, dry_run: dryRun, skip_invalid_rows: skip.checked,
      survey: survey.value.trim(), map: Object.entries(mapping).map(([h, f]) => `${h}=${f}`),
      default: Object.entries(defaults).filter(([, v]) => v).map(([f, v]) => `${f}=${v}`),
      type: chosenTypes() };
    try {
      const answer = await upload(file.files[0], params, (share) => { progress.value = share; });
      replace(report,
        el("p", { class: answer.errors && !answer.written ? "message error" : "message success",
          role: "status", id: "import-summary" }, summary(answer)),
        answer.file_format ? el("p", { class: "muted", id: "import-format" },
          t("import.read_as", { format: t(`import.format.${answer.file_format}`) })) : null,
        countsTable(answer.counts), typeControls(answer, () => send(true)),
        defaultControls(answer, () => send(true)), mappingControls(answer, () => send(true)),
        problemsTable(answer.entries || []));
      run.disabled = !dryRun || (answer.errors > 0 && !skip.checked) || !Object.keys(answer.counts || {}).length;
    } catch (error) {
      replace(report, el("p", { class: "message error", role: "alert" }, error.message));
    } finally {
      progress.hidden = true;
    }
  }
  run.addEventListener("click", () => send(false));

  replace(box,
    el("h2", {}, t("import.title")),
    el("p", { class: "lead" }, t("import.lead")),
    el("form", { id: "import-form", class: "import-form", onsubmit: (e) => { e.preventDefault(); send(true); } },
      el("div", { class: "field" }, el("label", { for: "import-kind" }, t("import.kind_label")), kind),
      templates,
      el("div", { class: "field" }, el("label", { for: "import-file" }, t("import.file_label")), file),
      el("div", { class: "field" }, el("label", { for: "import-survey" }, t("import.survey_label")), survey),
      el("label", { class: "check" }, skip, " ", t("import.skip_label")),
      el("div", { class: "actions" }, el("button", { type: "submit", id: "import-check" }, t("import.check")), run)),
    progress, report);
  drawTemplates();
  byId("import-kind");
}
