// The suggested introductions of the weaving page: one card per pair, with who can introduce
// them, why and what it would do; a coordinator turns one into a follow-up task here.
import { el, replace } from "../dom.js";
import { lang, t } from "../i18n.js";
import { label } from "../words.js";

const said = (statement) => (lang() === "da" ? statement.sentenceDa : statement.sentence);

/** The card of suggestion ``s``. ``actions`` gives ``makeTask(s, fields)``,
 * ``showEffect(s)``, ``assignees`` and ``canEdit``. */
export function suggestionCard(s, actions) {
  const title = `${s.first.name} ↔ ${s.second.name}`;
  const flags = [
    s.schoolLeisure ? el("span", { class: "badge flag-arenas" }, t("weaving.school_leisure")) : null,
    s.crossSector ? el("span", { class: "badge flag-sectors" }, t("weaving.cross_sector")) : null,
  ];
  const who = el("ul", { class: "introducers plain-list" }, s.introducers.map((i) => el("li", {},
    el("strong", {}, i.name), i.partner ? el("span", { class: "muted" }, ` · ${t("weaving.partner")}`) : null)));
  const more = s.sharedPartners > s.introducers.length
    ? el("p", { class: "muted small" }, t("weaving.more_introducers", { n: s.sharedPartners - s.introducers.length }))
    : null;
  const card = el("li", { class: "card suggestion", dataset: { first: s.first.id, second: s.second.id } },
    el("div", { class: "card-head" }, el("span", { class: "rank" }, `${s.rank}.`), " ",
      el("span", { class: "card-title" }, title)),
    el("p", { class: "badges" }, flags),
    el("p", { class: "why" }, said(s.why)),
    el("p", { class: "expected" }, el("strong", {}, t("weaving.expected")), " ", said(s.expected)),
    el("h3", {}, t("weaving.introducers")), who, more,
    el("div", { class: "actions" }, taskState(s, actions),
      el("button", { type: "button", class: "secondary show-effect", onclick: () => actions.showEffect(s) },
        t("weaving.show_effect"))));
  return card;
}

function taskState(s, actions) {
  if (s.task) {
    return el("a", { class: "badge task-badge", href: `#task-${s.task.id}` },
      t("weaving.task_is", { status: label("weaving.status", s.task.status) }));
  }
  if (!actions.canEdit) return null;
  const button = el("button", { type: "button", class: "make-task" }, t("weaving.make_task"));
  button.addEventListener("click", () => {
    const form = taskForm(s, actions, () => replace(holder, button));
    replace(holder, form);
    form.querySelector("select, input").focus();
  });
  const holder = el("div", { class: "task-holder" }, button);
  return holder;
}

function taskForm(s, actions, cancel) {
  const key = `${s.first.id}--${s.second.id}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const field = (name, labelText, control) => el("div", { class: "field" },
    el("label", { for: `${name}-${key}` }, labelText), control);
  const introducer = el("select", { id: `introducer-${key}`, name: "introducer" },
    s.introducers.map((i, n) => el("option", { value: i.id, selected: n === 0 }, i.name)),
    el("option", { value: "" }, t("weaving.no_introducer")));
  const assignee = el("select", { id: `assignee-${key}`, name: "assignee" },
    el("option", { value: "" }, t("weaving.nobody")),
    actions.assignees.map((a) => el("option", { value: a.name }, a.name)));
  const due = el("input", { type: "date", id: `due-${key}`, name: "due" });
  const note = el("textarea", { id: `note-${key}`, name: "note", rows: 2, maxlength: 2000 });
  const problems = el("p", { class: "form-problems", role: "alert" });
  const form = el("form", { class: "task-form" },
    field("introducer", t("weaving.introduced_by"), introducer),
    field("assignee", t("weaving.assigned_to"), assignee),
    field("due", t("weaving.due_on"), due),
    field("note", t("weaving.note"), note),
    el("p", { class: "hint" }, t("weaving.note_hint")),
    problems,
    el("div", { class: "actions" },
      el("button", { type: "submit" }, t("weaving.save_task")),
      el("button", { type: "button", class: "secondary", onclick: cancel }, t("weaving.cancel"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const problem = await actions.makeTask(s, {
      introducerId: introducer.value || null,
      assignedTo: assignee.value || null,
      dueOn: due.value || null,
      note: note.value,
    });
    problems.textContent = problem || "";
  });
  return form;
}
