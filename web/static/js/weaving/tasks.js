// The follow-up tasks of the weaving page as a table: a coordinator changes a task's status,
// person, due date and note in its row and saves it; a viewer reads it.
import { el } from "../dom.js";
import { lang, number, t } from "../i18n.js";
import { label } from "../words.js";

export const STATUSES = ["PROPOSED", "INTRODUCED", "MEETING_HELD", "COLLABORATING", "DROPPED"];

function day(value) {
  if (!value) return "–";
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { dateStyle: "medium" })
    .format(new Date(`${value}T12:00:00`));
}

/** Where a tie between the two was seen: "i øjebliksbilledet efterar-2026 (3. okt. 2026)". */
function tieSeen(task, snapshotName) {
  if (!task.tieSeenOn) return el("span", { class: "muted" }, t("weaving.no_tie_yet"));
  const where = task.tieSeenIn === "now" ? t("weaving.seen_now")
    : t("weaving.seen_in", { snapshot: snapshotName(task.tieSeenIn) });
  return el("span", { class: "tie-seen" }, `${where} (${day(task.tieSeenOn)})`);
}

/** The table of ``tasks``; ``actions`` gives ``save(task, changes)``, ``remove(task)``,
 * ``assignees``, ``snapshotName(id)`` and ``canEdit``. Five columns, so that it fits a laptop's screen: who is
 * introduced (and by whom), who follows it up by when, where it stands (and whether a tie
 * was seen), the note, and the buttons. */
export function tasksTable(tasks, actions) {
  if (!tasks.length) return el("p", { class: "empty-state" }, t("weaving.no_tasks"));
  const head = el("thead", {}, el("tr", {}, [
    "weaving.col_pair", "weaving.col_who", "weaving.col_status", "weaving.col_note",
    actions.canEdit ? "weaving.col_actions" : null,
  ].filter(Boolean).map((key) => el("th", { scope: "col" }, t(key)))));
  return el("div", { class: "table-scroll" }, el("table", { class: "data-table tasks-table" },
    el("caption", { class: "visually-hidden" }, t("weaving.tasks_heading")),
    head, el("tbody", {}, tasks.map((task) => row(task, actions)))));
}

function named(name) {
  return name ?? t("weaving.deleted");
}

function small(...children) {
  return el("span", { class: "muted small block" }, ...children);
}

function row(task, actions) {
  const pair = el("th", { scope: "row" }, `${named(task.firstName)} ↔ ${named(task.secondName)}`,
    task.introducerId ? small(t("weaving.by", { name: named(task.introducerName) })) : null,
    task.targetGroupName ? small(task.targetGroupName) : null);
  const since = task.introducedOn ? small(t("weaving.introduced_on", { day: day(task.introducedOn) })) : null;
  const tie = el("span", { class: "small block" }, `${t("weaving.tie_label")} `, tieSeen(task, actions.snapshotName));
  const attrs = { id: `task-${task.id}`, dataset: { id: task.id, status: task.status } };
  if (!actions.canEdit) {
    return el("tr", attrs, pair,
      el("td", {}, task.assignedTo || "–", small(t("weaving.due", { day: day(task.dueOn) }))),
      el("td", { class: "status" }, el("strong", {}, label("weaving.status", task.status)), since, tie),
      el("td", {}, task.note || "–"));
  }
  const id = (name) => `${name}-${task.id}`;
  const status = el("select", { id: id("status"), class: "task-status", "aria-label": t("weaving.col_status") },
    STATUSES.map((s) => el("option", { value: s, selected: s === task.status }, label("weaving.status", s))));
  const assignee = el("select", { id: id("assignee"), "aria-label": t("weaving.col_assigned") },
    el("option", { value: "" }, t("weaving.nobody")),
    [...new Set([task.assignedTo, ...actions.assignees.map((a) => a.name)].filter(Boolean))]
      .map((name) => el("option", { value: name, selected: name === task.assignedTo }, name)));
  const due = el("input", { type: "date", id: id("due"), value: task.dueOn || "", "aria-label": t("weaving.col_due") });
  const note = el("textarea", { id: id("note"), rows: 2, maxlength: 2000, "aria-label": t("weaving.col_note") }, task.note);
  const problem = el("p", { class: "form-problems", role: "alert" });
  const save = el("button", { type: "button", class: "save-task" }, t("weaving.save"));
  save.addEventListener("click", async () => {
    problem.textContent = (await actions.save(task, {
      status: status.value,
      assignedTo: assignee.value || null,
      dueOn: due.value || null,
      note: note.value,
    })) || "";
  });
  const remove = el("button", { type: "button", class: "danger delete-task" }, t("weaving.delete"));
  remove.addEventListener("click", () => actions.remove(task));
  return el("tr", attrs, pair,
    el("td", { class: "who" }, assignee, due),
    el("td", { class: "status" }, status, since, tie),
    el("td", { class: "note" }, note, problem),
    el("td", {}, el("div", { class: "row-actions" }, save, remove)));
}

/** "2026-Q4" as "4. kvartal 2026" / "Q4 2026". */
function quarterLabel(quarter) {
  const [year, n] = quarter.split("-Q");
  return t("weaving.quarter_label", { year, n });
}

/** The progress per quarter as a table. */
export function progressTable(progress) {
  if (!progress.quarters.length) return el("p", { class: "empty-state" }, t("weaving.no_introductions"));
  const head = el("thead", {}, el("tr", {}, ["weaving.quarter", "weaving.introduced", "weaving.collaborating",
    "weaving.dropped", "weaving.open", "weaving.share"].map((key, n) =>
    el("th", { scope: "col", class: n ? "num" : null }, t(key)))));
  const body = el("tbody", {}, progress.quarters.map((q) => el("tr", { dataset: { quarter: q.quarter } },
    el("th", { scope: "row" }, quarterLabel(q.quarter)),
    ...[q.introduced, q.collaborating, q.dropped, q.open].map((n) => el("td", { class: "num" }, number(n))),
    el("td", { class: "num" }, q.share === null ? "–" : new Intl.NumberFormat(lang() === "da" ? "da-DK" : "en-GB",
      { style: "percent" }).format(q.share)))));
  return el("table", { class: "data-table progress-table" }, head, body);
}
