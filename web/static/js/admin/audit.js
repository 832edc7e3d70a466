// The audit log: who changed what, when. Filter by a node (its id or words of its name), by
// user and by days; newest first, a page at a time.
import { graphql } from "../api.js";
import { byId, el, replace } from "../dom.js";
import { t, tn } from "../i18n.js";
import { clearMessages, showError } from "../layout.js";
import { label } from "../words.js";
import { describe, who } from "./audit-words.js";
import { when } from "./common.js";

const PAGE = 25;
const SEARCH = `query Log($f: AuditLogFilter, $first: Int!, $after: String) {
  auditEntries(filter: $f, first: $first, after: $after) {
    hasNextPage endCursor matchedNodes { id name kind }
    entries { id at actor action target before after redacted subjects { id name kind } }
  }
}`;
const USERS = "{ users { name } }";

const state = { filter: {}, cursor: null, shown: 0, asked: 0 };

function readFilter(form) {
  const value = (name) => form.elements[name].value.trim() || null;
  return { about: value("about"), user: value("user"), from: value("from"), to: value("to") };
}

function matched(page) {
  const box = byId("audit-matched");
  if (!state.filter.about) {
    box.textContent = "";
    return;
  }
  const nodes = page.matchedNodes.map((n) => `${n.name} (${label("kind", n.kind).toLowerCase()})`);
  box.textContent = nodes.length ? t("admin.audit.about", { nodes: nodes.join(", ") })
    : t("admin.audit.about_none", { text: state.filter.about });
}

function row(entry) {
  return el("tr", { dataset: { entry: entry.id } },
    el("td", { class: "nowrap" }, when(entry.at)),
    el("td", {}, who(entry.actor)),
    el("td", {}, describe(entry)));
}

async function search(more = false) {
  clearMessages();
  const asked = ++state.asked;
  try {
    const page = (await graphql(SEARCH, { f: state.filter, first: PAGE, after: more ? state.cursor : null }))
      .auditEntries;
    if (asked !== state.asked) return; // a newer search was asked for meanwhile: its answer counts
    state.cursor = page.endCursor;
    const rows = page.entries.map(row);
    if (more) {
      byId("audit-body").append(...rows);
      state.shown += rows.length;
    } else {
      replace(byId("audit-body"), rows.length ? rows
        : el("tr", {}, el("td", { colspan: "3", class: "muted" }, t("admin.audit.none"))));
      state.shown = rows.length;
      matched(page);
    }
    byId("audit-count").textContent = page.hasNextPage ? t("admin.audit.shown_more", { n: state.shown })
      : tn("admin.audit.shown_all", state.shown);
    byId("audit-more").hidden = !page.hasNextPage;
  } catch (error) {
    showError(error);
  }
}

async function userChoices(select) {
  try {
    const names = (await graphql(USERS)).users.map((u) => u.name);
    select.append(...names.map((name) => el("option", { value: name }, name)),
      el("option", { value: "command line" }, t("admin.log.command_line")));
  } catch (error) {
    showError(error);
  }
}

function field(id, text, input, hint = null) {
  return el("div", { class: "field" }, el("label", { for: id }, text), input,
    hint ? el("p", { class: "hint" }, hint) : null);
}

/** Draw the audit log's search in ``panel`` and show the newest entries. */
export async function showAudit(panel) {
  const user = el("select", { id: "audit-user", name: "user" }, el("option", { value: "" }, t("admin.audit.everyone")));
  const form = el("form", { id: "audit-form", class: "audit-filter", role: "search" },
    field("audit-about", t("admin.audit.node"),
      el("input", { id: "audit-about", name: "about", type: "search", autocomplete: "off", spellcheck: "false" }),
      t("admin.audit.node_hint")),
    field("audit-user", t("admin.audit.user"), user),
    field("audit-from", t("admin.audit.from"), el("input", { id: "audit-from", name: "from", type: "date" })),
    field("audit-to", t("admin.audit.to"), el("input", { id: "audit-to", name: "to", type: "date" })),
    el("div", { class: "actions filter-actions" },
      el("button", { type: "submit", id: "audit-search" }, t("admin.audit.search")),
      el("button", { type: "reset", class: "secondary", id: "audit-reset" }, t("admin.audit.reset"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.filter = readFilter(form);
    search();
  });
  form.addEventListener("reset", () => {
    state.filter = {};
    setTimeout(() => search(), 0); // after the form has emptied its fields
  });
  replace(panel,
    el("h2", {}, t("admin.audit.heading")),
    el("p", {}, t("admin.audit.explain")),
    form,
    el("p", { id: "audit-matched", class: "summary small-summary", role: "status" }),
    el("p", { id: "audit-count", class: "muted" }),
    el("div", { class: "table-scroll" },
      el("table", { class: "data-table admin-table", id: "audit-table" },
        el("caption", { class: "visually-hidden" }, t("admin.audit.heading")),
        el("thead", {}, el("tr", {}, ["when", "who", "what"].map((c) =>
          el("th", { scope: "col" }, t(`admin.audit.col.${c}`))))),
        el("tbody", { id: "audit-body" }))),
    el("button", { type: "button", class: "secondary", id: "audit-more", hidden: true, onclick: () => search(true) },
      t("admin.audit.more")));
  await Promise.all([userChoices(user), search()]);
}
