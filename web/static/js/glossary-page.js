// The glossary page: every measure, broker role and gap word, what it means and, where it
// needs saying, why graphsvc uses that word. Each entry has an anchor (/ordliste#betweenness)
// that the "?" beside a measure on the other pages leads to.
import { byId, el, replace } from "./dom.js";
import { glossary } from "./glossary.js";
import { lang, onLanguage, t } from "./i18n.js";
import { showError, startPage } from "./layout.js";
import { capital } from "./words.js";

let data = null;

function render() {
  if (!data) return;
  const l = lang();
  const other = l === "da" ? "en" : "da";
  replace(byId("glossary-index"), ...data.entries.map((e) =>
    el("li", {}, el("a", { href: `${location.pathname}#${e.key}` }, capital(e.term[l])))));
  replace(byId("glossary"), ...data.sections.map((section) => {
    const items = data.entries.filter((e) => e.section === section.key);
    const headingId = `section-${section.key}`;
    return el("section", { class: "glossary-section", "aria-labelledby": headingId },
      el("h2", { id: headingId }, section.title[l]),
      el("dl", { class: "glossary-list" }, ...items.flatMap((e) => [
        el("dt", { id: e.key, tabindex: "-1" }, capital(e.term[l])),
        el("dd", {}, e.text[l]),
        e.why[l] ? el("dd", { class: "why" }, e.why[l]) : null,
        el("dd", { class: "other-term", lang: other }, t(`glossary.in_${other}`, { term: e.term[other] })),
      ])));
  }));
}

function goToAnchor() {
  const key = decodeURIComponent(location.hash.slice(1));
  const target = key ? document.getElementById(key) : null;
  for (const old of document.querySelectorAll("dt.is-target")) old.classList.remove("is-target");
  if (target && target.tagName === "DT") {
    // Marked by a class: the entries are drawn after the address was read, so :target misses them.
    target.classList.add("is-target");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }
}

async function main() {
  await startPage("glossary");
  try {
    data = await glossary();
  } catch (error) {
    showError(error);
    return;
  }
  render();
  goToAnchor();
  onLanguage(() => {
    render();
    goToAnchor();
  });
  window.addEventListener("hashchange", goToAnchor);
}

main();
