// The ties of the node being edited: each listed with a button to remove it, and a form to add
// one — only the tie types the rules allow for this kind, the other end found by name, and the
// properties that type carries (strength 1-5, since, frequency, role).
import { graphql } from "../api.js";
import { el, replace } from "../dom.js";
import { t } from "../i18n.js";
import { capital, label } from "../words.js";
import { enumValues } from "./form.js";
import { nodePicker } from "./picker.js";

let rules = null;
// What a tie's form may set; a survey's answers (trust, value, ...) come from the survey only.
const EDITABLE = ["strength", "since", "frequency", "role"];
const editable = (rule) => rule.properties.filter((p) => EDITABLE.includes(p));

/** The tie rules of the schema (which types join which kinds), read once. */
export async function tieRules() {
  rules ||= graphql("{ tieRules { type sources targets properties } }").then((d) => d.tieRules);
  return rules;
}

/** The (type, direction) choices for a node of ``nodeKind``: what it may start or end. */
export async function choicesFor(nodeKind) {
  const choices = [];
  for (const rule of await tieRules()) {
    if (rule.sources.includes(nodeKind)) choices.push({ rule, direction: "outgoing", others: rule.targets });
    if (rule.targets.includes(nodeKind) && rule.type !== "COLLABORATES_WITH") {
      choices.push({ rule, direction: "incoming", others: rule.sources });
    }
  }
  return choices;
}

const tieWords = (type, direction) => label("tie", `${type}.${direction}`);

function properties(tie) {
  const parts = [];
  if (tie.strength) parts.push(t("editor.tie_strength", { n: tie.strength }));
  if (tie.since) parts.push(t("editor.tie_since", { year: tie.since }));
  if (tie.frequency) parts.push(label("frequency", tie.frequency));
  if (tie.role) parts.push(label("participation", tie.role));
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** The list of ``node``'s ties, each with a remove button calling ``onRemove(tie)``. */
export function tieList(node, onRemove) {
  if (!node.ties.length) return el("p", { class: "muted" }, t("editor.no_ties"));
  return el("ul", { class: "plain-list tie-list" }, node.ties.map((tie) => el("li", {},
    el("span", {}, `${tieWords(tie.type, tie.direction.toLowerCase())}: `),
    el("a", { href: `/workspace?id=${encodeURIComponent(tie.other.id)}` }, tie.other.name),
    el("span", { class: "muted" }, ` · ${capital(label("kind", tie.other.kind))}${properties(tie)}`), " ",
    el("button", { type: "button", class: "quiet danger", onclick: () => onRemove(tie),
      "aria-label": t("editor.remove_tie_named", { name: tie.other.name }) }, t("editor.remove")))));
}

async function propertyField(name) {
  const id = `tie-${name}`;
  let input;
  if (name === "strength") {
    input = el("select", { id, name }, el("option", { value: "" }, t("editor.none")),
      [1, 2, 3, 4, 5].map((n) => el("option", { value: String(n) }, String(n))));
  } else if (name === "since") {
    input = el("input", { id, name, type: "number", min: 1900, max: 2100 });
  } else {
    const values = await enumValues(name === "role" ? "ParticipationRole" : "Frequency");
    input = el("select", { id, name }, el("option", { value: "" }, t("editor.none")),
      values.map((v) => el("option", { value: v }, label(name === "role" ? "participation" : "frequency", v))));
  }
  return el("div", { class: "field" }, el("label", { for: id }, t(`editor.tie_field.${name}`)), input);
}

/** The form adding a tie to ``node``; ``onAdd(input)`` gets a TieInput. */
export async function tieForm(node, onAdd) {
  const choices = await choicesFor(node.kind);
  const kindSelect = el("select", { id: "tie-choice", name: "choice" },
    choices.map((c, i) => el("option", { value: String(i) }, tieWords(c.rule.type, c.direction))));
  const props = el("div", { class: "tie-properties" });
  const otherBox = el("div", { class: "field" });
  let picker = null;
  const form = el("form", { id: "tie-form", class: "tie-form" },
    el("div", { class: "field" }, el("label", { for: "tie-choice" }, t("editor.tie_type")), kindSelect),
    otherBox, props,
    el("button", { type: "submit" }, t("editor.add_tie")));

  async function choose() {
    const choice = choices[Number(kindSelect.value)];
    if (picker) picker.destroy();
    const select = el("select", { id: "tie-other", name: "other", "aria-label": t("editor.tie_other") });
    replace(otherBox, el("label", { for: "tie-other-ts-control" }, t("editor.tie_other")), select);
    picker = nodePicker(select, choice.others);
    replace(props, ...(await Promise.all(editable(choice.rule).map(propertyField))));
  }
  kindSelect.addEventListener("change", choose);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const choice = choices[Number(kindSelect.value)];
    const other = picker ? picker.getValue() : "";
    const input = { type: choice.rule.type,
      sourceId: choice.direction === "outgoing" ? node.id : other,
      targetId: choice.direction === "outgoing" ? other : node.id };
    for (const name of editable(choice.rule)) {
      const raw = form.elements[name].value;
      input[name] = raw === "" ? null : name === "strength" || name === "since" ? Number(raw) : raw;
    }
    onAdd(input, !other);
  });
  if (choices.length) await choose();
  return choices.length ? form : el("p", { class: "muted" }, t("editor.no_tie_types"));
}
