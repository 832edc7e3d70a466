// The workspace: where a coordinator builds and keeps the network — actors, contact persons,
// areas, target groups, initiatives and (coordinators only) young people, with their ties —
// and imports spreadsheets. Every change goes through GraphQL as the signed-in user, with the
// version last read, so no one's change is lost unseen.
import { graphql } from "./api.js";
import { confirmDialog } from "./confirm.js";
import { byId, el, replace } from "./dom.js";
import { lang, onLanguage, t } from "./i18n.js";
import { canEdit, clearMessages, showError, showProblem, startPage } from "./layout.js";
import { capital, label } from "./words.js";
import {
  areas, buildFields, clearProblems, missingRequired, pseudonymWarning, readInput, showProblems,
} from "./editor/form.js";
import { showImport } from "./editor/importer.js";
import { KINDS, kindOf } from "./editor/kinds.js";
import { tieForm, tieList } from "./editor/ties.js";

const TABS = ["actor", "contact", "area", "targetGroup", "initiative", "young", "import"];
const RESULT = `__typename ... on Node { id version }
  ... on Error { message }
  ... on InvalidInputError { problems { record problem } }
  ... on ConflictError { changedBy changedAt changedFields currentVersion }`;

const state = { tab: "actor", node: null, search: "", cursor: null };

function setTab(tab, focus = false) {
  state.tab = tab;
  for (const button of document.querySelectorAll("[role=tab]")) {
    const selected = button.dataset.tab === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    if (selected && focus) button.focus();
  }
  const importing = tab === "import";
  byId("list-panel").hidden = importing;
  byId("import-panel").hidden = !importing;
  byId("editor-panel").hidden = importing;
  if (importing) {
    showImport(byId("import-panel"));
  } else {
    byId("search").value = "";
    state.search = "";
    loadList();
    showEditor(null);
  }
}

/** The list of the tab's kind (filtered by the search); ``more`` adds the next page. */
async function loadList(more = false) {
  const kind = KINDS[state.tab];
  const filter = state.search ? { search: state.search } : null;
  try {
    const data = await graphql(`query($f: ${kind.filter}, $after: String) {
      ${kind.list}(first: 100, filter: $f, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind } } } }`,
    { f: filter, after: more ? state.cursor : null });
    const page = data[kind.list];
    state.cursor = page.pageInfo.endCursor;
    byId("result-count").textContent = t("editor.count", { n: page.totalCount });
    const items = page.edges.map(({ node }) => el("li", {},
      el("button", { type: "button", class: "link", onclick: () => openNode(node.id),
        "aria-current": state.node && state.node.id === node.id ? "true" : null },
      node.name, el("span", { class: "muted" }, ` · ${capital(label("kind", node.kind))}`))));
    if (more) byId("node-list").append(...items);
    else replace(byId("node-list"), items);
    byId("more-nodes").hidden = !page.pageInfo.hasNextPage;
  } catch (error) {
    showError(error);
  }
}

async function readNode(id) {
  const reads = Object.values(KINDS).map((k) => `... on ${k.type} { ${k.read} }`).join(" ");
  const data = await graphql(`query($id: ID!) { node(id: $id) { __typename id name kind version
    tieCount ties { type direction sourceId targetId strength since frequency role
      other { id name kind } } ${reads} } }`, { id });
  return data.node;
}

async function openNode(id) {
  clearMessages();
  try {
    const node = await readNode(id);
    if (!node) {
      showProblem(t("editor.not_found", { id }));
      return;
    }
    const tab = kindOf(node.kind);
    if (tab !== state.tab) {
      state.tab = tab;
      for (const b of document.querySelectorAll("[role=tab]")) {
        b.setAttribute("aria-selected", String(b.dataset.tab === tab));
        b.tabIndex = b.dataset.tab === tab ? 0 : -1;
      }
      byId("list-panel").hidden = false;
      byId("import-panel").hidden = true;
      byId("editor-panel").hidden = false;
      loadList();
    }
    history.replaceState(null, "", `/workspace?id=${encodeURIComponent(id)}`);
    await showEditor(node);
  } catch (error) {
    showError(error);
  }
}

async function showEditor(node) {
  state.node = node;
  const kind = KINDS[state.tab];
  const heading = node ? node.name : t(`editor.new.${state.tab}`);
  const problems = el("div", { id: "form-problems", class: "form-problems", role: "alert" });
  const form = el("form", { id: "node-form", class: "node-form", novalidate: true },
    ...(await buildFields(kind, node)), problems,
    el("div", { class: "actions" },
      el("button", { type: "submit", id: "save" }, node ? t("editor.save") : t("editor.create")),
      node ? el("button", { type: "button", class: "danger", id: "delete", onclick: () => remove(node) },
        t("editor.delete")) : null));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save(form, kind, node);
  });
  const pseudonym = form.elements.pseudonym;
  if (pseudonym) {
    pseudonym.addEventListener("input", () => {
      const warning = pseudonymWarning(pseudonym.value);
      const box = byId("field-pseudonym-problem");
      box.hidden = !warning;
      box.textContent = warning || "";
    });
  }
  const parts = [el("h2", { id: "editor-heading" }, heading), form];
  if (node) {
    parts.push(el("section", { "aria-labelledby": "ties-heading", class: "ties-editor" },
      el("h3", { id: "ties-heading" }, t("editor.ties", { n: node.tieCount })),
      tieList(node, (tie) => disconnect(node, tie)),
      el("h4", {}, t("editor.add_tie_heading")),
      await tieForm(node, (input, missing) => connect(node, input, missing))));
  }
  replace(byId("editor"), ...parts);
}

async function save(form, kind, node) {
  clearMessages();
  clearProblems(form);
  if (missingRequired(form, kind, Boolean(node))) return;
  const input = readInput(form, kind, Boolean(node));
  if (node) input.expectedVersion = node.version;
  // An update answers with the node's fields, so the form is drawn again without another
  // read; its ties did not change.
  const fields = `${RESULT} ... on ${kind.type} { name ${kind.read} }`;
  const mutation = node
    ? `mutation($id: ID!, $input: ${kind.updateInput}!) { r: ${kind.update}(id: $id, input: $input) { ${fields} } }`
    : `mutation($input: ${kind.createInput}!) { r: ${kind.create}(input: $input) { ${RESULT} } }`;
  try {
    const { r } = await graphql(mutation, node ? { id: node.id, input } : { input });
    if (r.__typename === "ConflictError") {
      conflict(r, () => save(form, kind, { ...node, version: r.currentVersion }));
      return;
    }
    if (r.message) {
      replace(byId("form-problems"), el("p", {}, r.message));
      showProblems(form, kind, r.problems || [], byId("form-problems"));
      return;
    }
    if (state.tab === "area") await areas(true);
    if (node) await showEditor({ ...node, ...r });
    else await openNode(r.id);
    replace(byId("messages"), el("div", { class: "message success", role: "status" },
      node ? t("editor.saved") : t("editor.created")));
    // The list shows names only: read it again when one may have changed.
    if (!node || r.name !== node.name) loadList();
  } catch (error) {
    showError(error);
  }
}

function conflict(error, overwrite) {
  const when = error.changedAt ? new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB",
    { dateStyle: "medium", timeStyle: "short" }).format(new Date(error.changedAt)) : "";
  const what = (error.changedFields || []).map((f) => t(`editor.field.${f}`)).join(", ");
  replace(byId("messages"), el("div", { class: "message error", role: "alert", id: "conflict" },
    el("strong", {}, t("editor.conflict_title")), " ",
    el("span", {}, error.changedBy
      ? t("editor.conflict", { who: error.changedBy, when, what: what || t("editor.conflict_unknown") })
      : t("editor.conflict_someone")),
    el("div", { class: "actions" },
      el("button", { type: "button", id: "conflict-reload", onclick: () => openNode(state.node.id) },
        t("editor.reload")),
      el("button", { type: "button", class: "danger", id: "conflict-overwrite", onclick: overwrite },
        t("editor.overwrite")))));
  byId("conflict-reload").focus();
}

async function remove(node) {
  const message = t("editor.confirm_delete", { name: node.name, n: node.tieCount });
  if (!(await confirmDialog(message, t("editor.delete")))) return;
  try {
    const { r } = await graphql(`mutation($id: ID!) { r: deleteNode(id: $id) {
      __typename ... on Deleted { tiesRemoved } ... on Error { message } } }`, { id: node.id });
    if (r.message) {
      showProblem(r.message);
      return;
    }
    if (state.tab === "area") await areas(true);
    history.replaceState(null, "", "/workspace");
    await showEditor(null);
    replace(byId("messages"), el("div", { class: "message success", role: "status" },
      t("editor.deleted", { name: node.name, n: r.tiesRemoved })));
    loadList();
  } catch (error) {
    showError(error);
  }
}

async function connect(node, input, missing) {
  clearMessages();
  if (missing) {
    showProblem(t("editor.pick_other_first"));
    return;
  }
  try {
    const { r } = await graphql(`mutation($input: TieInput!) { r: connect(input: $input) {
      __typename ... on Error { message } ... on InvalidInputError { problems { problem } } } }`,
    { input });
    if (r.message) {
      showProblem([r.message, ...(r.problems || []).map((p) => p.problem)].join(" "));
      return;
    }
    await openNode(node.id);
    replace(byId("messages"), el("div", { class: "message success", role: "status" }, t("editor.tie_added")));
  } catch (error) {
    showError(error);
  }
}

async function disconnect(node, tie) {
  clearMessages();
  if (!(await confirmDialog(t("editor.confirm_remove_tie", { name: tie.other.name }), t("editor.remove")))) return;
  try {
    const { r } = await graphql(`mutation($type: TieType!, $s: ID!, $t: ID!) {
      r: disconnect(type: $type, sourceId: $s, targetId: $t) { __typename ... on Error { message } } }`,
    { type: tie.type, s: tie.sourceId, t: tie.targetId });
    if (r.message) {
      showProblem(r.message);
      return;
    }
    await openNode(node.id);
    replace(byId("messages"), el("div", { class: "message success", role: "status" }, t("editor.tie_removed")));
  } catch (error) {
    showError(error);
  }
}

function tabs() {
  const list = byId("tabs");
  replace(list, TABS.map((tab) => el("button", {
    type: "button", role: "tab", id: `tab-${tab}`, "aria-controls": "workspace-body",
    "aria-selected": String(tab === state.tab), tabindex: tab === state.tab ? 0 : -1,
    dataset: { tab }, onclick: () => setTab(tab),
  }, t(`editor.tab.${tab}`))));
  list.addEventListener("keydown", (event) => {
    const at = TABS.indexOf(state.tab);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) setTab(TABS[(at + step + TABS.length) % TABS.length], true);
  });
}

async function main() {
  await startPage("workspace");
  if (!canEdit()) {
    byId("workspace").hidden = true;
    showProblem(t("editor.viewers"));
    return;
  }
  tabs();
  onLanguage(() => {
    tabs();
    if (state.tab !== "import") showEditor(state.node);
  });
  byId("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.search = byId("search").value.trim();
    loadList();
  });
  byId("more-nodes").addEventListener("click", () => loadList(true));
  byId("new-node").addEventListener("click", () => {
    history.replaceState(null, "", "/workspace");
    showEditor(null).then(() => byId("node-form").elements[0].focus());
  });
  const wanted = new URLSearchParams(location.search);
  if (wanted.get("tab") && TABS.includes(wanted.get("tab"))) setTab(wanted.get("tab"));
  else setTab("actor");
  if (wanted.get("id")) await openNode(wanted.get("id"));
}

main();
