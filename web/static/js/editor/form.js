// The form of one node: controls made from a kind's fields, filled from what was read, read
// back as a GraphQL input, and each problem the server names shown next to its field.
import { graphql } from "../api.js";
import { el, replace } from "../dom.js";
import { t } from "../i18n.js";
import { label } from "../words.js";

const enumCache = new Map();

/** The values of a GraphQL enum, as the schema declares them (names once, in the server). */
export async function enumValues(name) {
  if (!enumCache.has(name)) {
    enumCache.set(name, graphql(`query($n: String!) { __type(name: $n) { enumValues { name } } }`,
      { n: name }).then((d) => d.__type.enumValues.map((v) => v.name)));
  }
  return enumCache.get(name);
}

let areaList = null;

/** The tenant's areas for the area controls (read again after an area is saved). */
export async function areas(refresh = false) {
  if (refresh || !areaList) {
    areaList = graphql("{ areas(first: 100) { edges { node { id name } } } }")
      .then((d) => d.areas.edges.map((e) => e.node));
  }
  return areaList;
}

const fieldId = (field) => `field-${field.name.replace(".", "-")}`;
const words = (field) => t(`editor.field.${field.name}`);

function valueOf(node, field) {
  if (!node) return undefined;
  const [head, tail] = field.name.split(".");
  if (tail) return node[head] ? node[head][tail] : undefined;
  const read = node[field.read || field.name];
  return field.type === "area" ? read && read.id : read;
}

function checks(field, values, chosen) {
  return el("fieldset", { class: "checks", id: fieldId(field) },
    el("legend", {}, words(field)),
    values.map(([value, text]) => el("label", { class: "check" },
      el("input", { type: "checkbox", name: field.name, value, checked: (chosen || []).includes(value) }),
      " ", text)));
}

async function control(field, node) {
  const value = valueOf(node, field);
  const id = fieldId(field);
  if (field.type === "checks" || field.type === "areas") {
    const pairs = field.type === "areas"
      ? (await areas()).map((a) => [a.id, a.name])
      : (await enumValues(field.enum)).map((v) => [v, label(field.group, v)]);
    return checks(field, pairs, value);
  }
  let input;
  if (field.type === "select" || field.type === "area") {
    const pairs = field.type === "area"
      ? (await areas()).map((a) => [a.id, a.name])
      : (await enumValues(field.enum)).map((v) => [v, label(field.group, v)]);
    const blank = field.type === "area" || field.blank ? [["", t("editor.none")]] : [];
    input = el("select", { id, name: field.name, required: field.required,
      disabled: field.createOnly && node ? true : null },
    [...blank, ...pairs].map(([v, text]) => el("option", { value: v, selected: v === (value ?? "") }, text)));
  } else if (field.type === "textarea") {
    input = el("textarea", { id, name: field.name, rows: 3 });
    input.value = value ?? "";
  } else {
    input = el("input", { id, name: field.name, type: field.type, required: field.required,
      min: field.min, max: field.max, autocomplete: "off", value: value ?? "" });
  }
  const hint = field.pseudonym ? el("p", { class: "hint", id: `${id}-hint` }, t("editor.pseudonym_hint")) : null;
  if (hint) input.setAttribute("aria-describedby", `${id}-hint`);
  return el("div", { class: "field" }, el("label", { for: id }, words(field),
    field.required ? el("span", { class: "required", "aria-hidden": "true" }, " *") : null), input, hint,
  el("p", { class: "field-problem", id: `${id}-problem`, role: "alert", hidden: true }));
}

/** The form's controls for ``kind`` (a KINDS entry), filled from ``node`` (null: a new one). */
export async function buildFields(kind, node) {
  return Promise.all(kind.fields.map((f) => control(f, node)));
}

/** The form's values as a GraphQL input (nested criteria included); ``forUpdate`` leaves
 * out what cannot change. Empty text becomes null, so clearing a field clears it. */
export function readInput(form, kind, forUpdate) {
  const input = {};
  for (const field of kind.fields) {
    if (forUpdate && field.createOnly) continue;
    let value;
    if (field.type === "checks" || field.type === "areas") {
      value = [...form.querySelectorAll(`input[name="${field.name}"]:checked`)].map((i) => i.value);
    } else {
      const raw = form.elements[field.name].value.trim();
      value = raw === "" ? null : field.type === "number" ? Number(raw) : raw;
    }
    const [head, tail] = field.name.split(".");
    if (tail) (input[head] ||= {})[tail] = value;
    else input[head] = value;
  }
  return input;
}

/** Required fields left empty, each named next to its field (nothing is sent then). */
export function missingRequired(form, kind, forUpdate) {
  const missing = kind.fields.filter((f) => f.required && !(forUpdate && f.createOnly)
    && !String(form.elements[f.name].value || "").trim());
  for (const field of missing) {
    const box = form.querySelector(`#${fieldId(field)}-problem`);
    box.hidden = false;
    box.textContent = t("editor.required");
    form.querySelector(`#${fieldId(field)}`).setAttribute("aria-invalid", "true");
  }
  if (missing.length) form.querySelector(`#${fieldId(missing[0])}`).focus();
  return missing.length > 0;
}

/** Show the server's problems next to the fields they name; the rest in ``elsewhere``. */
export function showProblems(form, kind, problems, elsewhere) {
  clearProblems(form);
  const left = [];
  for (const p of problems) {
    const field = kind.fields.find((f) => p.problem.startsWith(`${f.name.split(".").pop()}:`)
      || p.problem.toLowerCase().startsWith(`${(f.read || f.name).split(".").pop().toLowerCase()}`)
      || p.problem.startsWith(`${snake(f.name)}:`));
    const box = field && form.querySelector(`#${fieldId(field)}-problem`);
    if (box) {
      box.hidden = false;
      box.textContent = p.problem;
      const control = form.querySelector(`#${fieldId(field)}`);
      if (control) control.setAttribute("aria-invalid", "true");
    } else left.push(p.problem);
  }
  if (left.length) replace(elsewhere, el("ul", {}, left.map((text) => el("li", {}, text))));
}

const snake = (name) => name.split(".").pop().replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function clearProblems(form) {
  for (const box of form.querySelectorAll(".field-problem")) {
    box.hidden = true;
    box.textContent = "";
  }
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
}

/** A warning for a pseudonym shaped like a CPR number, before the server refuses it. */
export function pseudonymWarning(text) {
  return /(?<!\d)[0-3]\d[01]\d\d\d-?\d{4}(?!\d)/.test(text) ? t("editor.warn_cpr") : null;
}
