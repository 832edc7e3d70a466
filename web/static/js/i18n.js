// The words of the pages: one dictionary per language (static/i18n/<lang>.js), Danish by
// default, the choice remembered in this browser.
import { da } from "../i18n/da.js";
import { en } from "../i18n/en.js";

const DICTIONARIES = { da, en };
const STORE_KEY = "graphsvc.lang";
const listeners = [];

function stored() {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null; // storage may be switched off; Danish then
  }
}

let current = DICTIONARIES[stored()] ? stored() : "da";

export const lang = () => current;
export const otherLang = () => (current === "da" ? "en" : "da");

/** Whether this browser has chosen a language (with the switch) on some page. */
export const languageChosen = () => Boolean(DICTIONARIES[stored()]);

/** The word for ``key`` with ``{name}`` placeholders filled in (as text). */
export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** ``key.one`` or ``key.other`` by ``n`` (also available as ``{n}``). */
export function tn(key, n, params = {}) {
  return t(`${key}.${n === 1 ? "one" : "other"}`, { n: number(n), ...params });
}

/** Whether the dictionary has ``key`` (for words made from codes the server sends). */
export const has = (key) => key in DICTIONARIES[current];

export function number(value, digits = 0) {
  return new Intl.NumberFormat(current === "da" ? "da-DK" : "en-GB", {
    maximumFractionDigits: digits, minimumFractionDigits: digits,
  }).format(value);
}

export function percent(share) {
  return new Intl.NumberFormat(current === "da" ? "da-DK" : "en-GB", {
    style: "percent", maximumFractionDigits: 0,
  }).format(share);
}

/** Fill every element marked ``data-i18n`` (text), ``data-i18n-label`` (aria-label) or
 * ``data-i18n-placeholder`` under ``root``. */
export function applyStrings(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  }
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) {
    node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder));
  }
  const title = document.querySelector("title[data-i18n-title]");
  if (title) document.title = `${t(title.dataset.i18nTitle)} · graphsvc`;
}

export function onLanguage(listener) {
  listeners.push(listener);
}

export function setLang(next) {
  if (!DICTIONARIES[next] || next === current) return;
  current = next;
  try {
    localStorage.setItem(STORE_KEY, next);
  } catch {
    // remembered for this page only
  }
  applyStrings();
  for (const listener of listeners) listener(next);
}
