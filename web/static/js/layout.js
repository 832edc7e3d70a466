// What every page shares: the header (pages, who is signed in, language, sign out) and the
// message area where errors are shown as plain sentences.
import { ApiError, me, signOut } from "./api.js";
import { el, replace, byId } from "./dom.js";
import { linkTerms } from "./glossary.js";
import { applyStrings, lang, onLanguage, otherLang, setLang, t } from "./i18n.js";

const PAGES = [
  ["explorer", "/explorer"],
  ["brokers", "/brokers"],
  ["gaps", "/gaps"],
  ["weaving", "/weaving", "weaving.nav"],
  ["maps", "/maps"],
  ["presentations", "/presentations"],
  ["snapshots", "/snapshots"],
  ["workspace", "/workspace"],
  ["surveys", "/surveys", "survey.nav"],
  ["admin", "/admin", "admin.nav", "admin"], // the fourth: shown only from this role up
];
const RANKS = { viewer: 0, coordinator: 1, admin: 2 };

let signedIn = null;

/** Whether the signed-in user may change things (save map views, make share links). */
export const canEdit = () => signedIn !== null && RANKS[signedIn.role] >= RANKS.coordinator;

/** Whether the signed-in user is shown people: young people and contact persons (the policy
 * is the server's; this only picks the words for what a viewer is not shown). */
export const seesPeople = canEdit;

function toSignIn() {
  const next = location.pathname + location.search;
  location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
}

function header(page) {
  const nav = el("nav", { "aria-label": t("nav.label") },
    el("ul", {}, PAGES.filter(([, , , needs]) => !needs || (signedIn && RANKS[signedIn.role] >= RANKS[needs]))
      .map(([name, href, key]) =>
      el("li", {}, el("a", { href, "aria-current": name === page ? "page" : null }, t(key || `nav.${name}`))))));
  const who = signedIn
    ? el("span", { class: "who", title: t("header.tenant", { tenant: signedIn.tenant }) },
      t("header.who", { name: signedIn.name, role: t(`role.${signedIn.role}`) }))
    : null;
  const leave = el("button", {
    type: "button", class: "quiet", id: "sign-out",
    onclick: async () => {
      try {
        await signOut();
      } finally {
        location.assign("/sign-in");
      }
    },
  }, t("header.sign_out"));
  // The glossary is help, not a job: it sits with the account, not in the page list.
  const glossary = el("a", { class: "help-link", href: "/ordliste", "aria-current": page === "glossary" ? "page" : null },
    t("glossary.nav"));
  replace(byId("site-header"),
    el("a", { class: "brand", href: "/explorer" }, "graphsvc"), nav,
    el("div", { class: "account" }, who, glossary, languageSwitch(), leave));
}

function languageSwitch() {
  const other = otherLang();
  return el("button", {
    type: "button", class: "quiet", id: "language-switch", lang: other,
    onclick: () => {
      setLang(other);
      byId("language-switch").focus(); // the header was drawn anew in the other language
    },
  }, t(`language.${other}`));
}

/** The header of a page for someone not signed in: the name and the language switch. */
export function simpleHeader() {
  const draw = () => replace(byId("site-header"),
    el("span", { class: "brand" }, "graphsvc"), el("div", { class: "account" }, languageSwitch()));
  draw();
  onLanguage(draw);
}

/** Show ``error`` (an ApiError or anything thrown) in the page's message area. */
export function showError(error, where = byId("messages")) {
  const status = error instanceof ApiError ? error.status : 0;
  let text = error instanceof ApiError ? error.message : t("error.unexpected");
  if (error instanceof ApiError && error.message === "network") text = t("error.network");
  // A 401's own words are about tokens and headers; a coordinator needs the way back.
  const box = status === 401
    ? el("div", { class: "message error", role: "alert" }, el("strong", {}, t("error.signed_out")), " ",
      el("a", { href: `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}` },
        t("error.sign_in_again")))
    : el("div", { class: "message error", role: "alert" }, el("strong", {}, t("error.title")), " ",
      el("span", { class: "message-text" }, text));
  replace(where, box);
  if (!(error instanceof ApiError)) console.warn(error); // eslint-disable-line no-console
}

/** Show a plain sentence as a problem (something the reader should change or know). */
export function showProblem(text, where = byId("messages")) {
  replace(where, el("div", { class: "message error", role: "alert" },
    el("strong", {}, t("error.title")), " ", el("span", { class: "message-text" }, text)));
}

export function clearMessages(where = byId("messages")) {
  where.replaceChildren();
}

/** Start a page: header, words, who is signed in. Resolves to the user (name, role, tenant). */
export async function startPage(page) {
  header(page);
  applyStrings();
  onLanguage(() => header(page));
  linkTerms(); // the "?" beside each measure the page names in its HTML
  try {
    signedIn = await me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      toSignIn();
      return new Promise(() => {}); // the browser is leaving this page
    }
    showError(error);
    throw error;
  }
  header(page);
  document.body.dataset.role = signedIn.role;
  return signedIn;
}

export { lang };
