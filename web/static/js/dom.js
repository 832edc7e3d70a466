// Building the page from data. Every value becomes a text node or an attribute, never HTML:
// names in the graph are typed by people and may contain markup.

/** An element with attributes and children (strings become text nodes, null is skipped). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = String(value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "href" || name === "src") node.setAttribute(name, safeUrl(value));
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, ...children);
  return node;
}

/** Append children: nodes as they are, anything else as text. */
export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace all children of ``node``. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

/** Links and frames only ever point into graphsvc itself (relative URLs) or to mail/phone. */
export function safeUrl(value) {
  const text = String(value);
  if (text.startsWith("/") && !text.startsWith("//")) return text;
  if (/^(mailto|tel):/i.test(text)) return text;
  return "#";
}

/** A <select> of ``[value, label]`` pairs with ``selected`` chosen. */
export function options(select, pairs, selected) {
  replace(select, ...pairs.map(([value, label]) =>
    el("option", { value, selected: value === selected }, label)));
  return select;
}

export const byId = (id) => document.getElementById(id);
