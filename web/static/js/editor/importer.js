// Import from the browser: choose a CSV or XLSX file, check it (a dry run that writes nothing),
// read the report as a table, map columns the file names differently, then import — all of it,
// or the valid rows only when asked. The same /imports route the command line's scripts use.
import { byId, el, replace } from "../dom.js";
import { lang, number, t } from "../i18n.js";

const KINDS = ["", "actors", "contacts", "young_people", "ties", "survey"];
let drawn = false;
let mapping = {};

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
  return el("table", { class: "data-table", id: "import-problems" },
    el("caption", {}, t("import.problems", { n: shown.length })),
    el("thead", {}, el("tr", {}, ["severity", "row", "column", "problem", "suggestion"].map((h) =>
      el("th", { scope: "col" }, t(`import.col.${h}`))))),
    el("tbody", {}, shown.map((e) => el("tr", { class: `severity-${e.severity}` },
      el("td", {}, t(`import.severity.${e.severity}`)), el("td", {}, e.row ?? ""),
      el("td", {}, e.column ?? ""), el("td", {}, e.problem), el("td", {}, e.suggestion ?? "")))));
}

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
  const file = el("input", { id: "import-file", type: "file", accept: ".csv,.xlsx,.txt", required: true });
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
      survey: survey.value.trim(), map: Object.entries(mapping).map(([h, f]) => `${h}=${f}`) };
    try {
      const answer = await upload(file.files[0], params, (share) => { progress.value = share; });
      replace(report,
        el("p", { class: answer.errors && !answer.written ? "message error" : "message success",
          role: "status", id: "import-summary" }, summary(answer)),
        countsTable(answer.counts), mappingControls(answer, () => send(true)), problemsTable(answer.entries || []));
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
