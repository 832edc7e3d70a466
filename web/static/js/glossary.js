// The glossary's words for any page: every ``<a data-term="key">`` becomes a small "?" that
// leads to the entry on the glossary page, with the entry's short meaning as its title and a
// spoken label ("Hvad betyder …?"). The entries come from /glossary.json, read once.
import { lang, onLanguage, t } from "./i18n.js";

let entries = null;

/** The glossary: { sections, entries } in both languages. */
export function glossary() {
  entries ??= fetch("/glossary.json", { credentials: "same-origin" }).then((answer) => {
    if (!answer.ok) throw new Error(`glossary: ${answer.status}`);
    return answer.json();
  });
  return entries;
}

async function fill(root) {
  const links = [...root.querySelectorAll("a[data-term]")];
  if (!links.length) return;
  const byKey = new Map((await glossary()).entries.map((e) => [e.key, e]));
  const l = lang();
  for (const link of links) {
    const entry = byKey.get(link.dataset.term);
    link.classList.add("term-help");
    link.setAttribute("href", `/ordliste#${link.dataset.term}`);
    link.textContent = "?";
    if (!entry) continue;
    link.title = `${entry.term[l]}: ${entry.text[l]}`;
    link.setAttribute("aria-label", t("glossary.what_is", { term: entry.term[l] }));
  }
}

/** Make every ``a[data-term]`` under ``root`` a "?" link, now and after a language change. */
export function linkTerms(root = document) {
  const run = () => fill(root).catch((error) => console.warn(error)); // eslint-disable-line no-console
  onLanguage(run);
  return run();
}

/** A "?" link to the glossary entry ``key``, for words a script writes. */
export function termHelp(key) {
  const link = document.createElement("a");
  link.dataset.term = key;
  link.setAttribute("href", `/ordliste#${key}`);
  link.className = "term-help";
  link.textContent = "?";
  const holder = document.createElement("span");
  holder.append(link);
  fill(holder).catch(() => {});
  return link;
}
