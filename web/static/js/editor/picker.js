// A searchable picker of nodes by name, for the other end of a tie. Tom Select (Apache-2.0,
// vendored from npm in /static/vendor/tom-select) draws it and makes it keyboard usable; the
// names come from graphsvc's own search, and are always shown as text, never as HTML.
import { graphql } from "../api.js";
import { t } from "../i18n.js";
import { capital, label } from "../words.js";
import { listOf } from "./kinds.js";

const ACTOR_KINDS = ["ASSOCIATION", "BUSINESS", "MUNICIPAL_UNIT", "ORGANISATION"];

/** Nodes of any of ``kinds`` (GraphQL NodeKind values) whose names match ``text``. */
export async function findNodes(kinds, text) {
  const lists = new Map();
  for (const kind of kinds) {
    const list = ACTOR_KINDS.includes(kind) ? "actors" : listOf(kind).list;
    lists.set(list, (lists.get(list) || []).concat(kind));
  }
  const found = [];
  for (const list of lists.keys()) {
    const data = await graphql(`query($s: String) { ${list}(first: 20, filter: {search: $s}) {
      edges { node { id name kind } } } }`, { s: text || null });
    found.push(...data[list].edges.map((e) => e.node).filter((n) => kinds.includes(n.kind)));
  }
  return found;
}

/** Turn ``select`` into a picker of nodes of ``kinds``. */
export function nodePicker(select, kinds) {
  const TomSelect = window.TomSelect;
  return new TomSelect(select, {
    valueField: "id",
    labelField: "name",
    searchField: [],
    maxItems: 1,
    closeAfterSelect: true,
    preload: false,
    loadThrottle: 250,
    placeholder: t("editor.pick_placeholder"),
    score: () => () => 1, // graphsvc has searched already
    load: (text, callback) => findNodes(kinds, text).then(callback, () => callback()),
    render: {
      option: (node, escape) => `<div>${escape(node.name)} <span class="muted">· ${
        escape(capital(label("kind", node.kind)))}</span></div>`,
      item: (node, escape) => `<div>${escape(node.name)}</div>`,
      no_results: () => `<div class="no-results">${t("editor.pick_none")}</div>`,
      loading: () => `<div class="loading">${t("editor.pick_loading")}</div>`,
    },
  });
}
