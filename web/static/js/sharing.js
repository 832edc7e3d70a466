// Share links of a saved map view: make one (its token is shown once), list them, revoke one.
import { graphql } from "./api.js";
import { byId, el, replace } from "./dom.js";
import { lang, t } from "./i18n.js";
import { showError, showProblem } from "./layout.js";

const LINK_FIELDS = "id viewId status createdBy createdAt expiresAt revokedAt";
const LINKS = `query Links($view: ID!) { shareLinks(viewId: $view) { ${LINK_FIELDS} } }`;
const CREATE = `mutation Share($view: ID!, $days: Int) {
  createShareLink(viewId: $view, expiresInDays: $days) {
    __typename
    ... on NewShareLink { url iframe link { ${LINK_FIELDS} } }
    ... on Error { message }
  }
}`;
const REVOKE = `mutation Revoke($id: ID!) {
  revokeShareLink(id: $id) { __typename ... on ShareLink { ${LINK_FIELDS} } ... on Error { message } }
}`;

let links = [];
let shownFor = null;

function date(value) {
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { dateStyle: "medium" }).format(new Date(value));
}

function describe(link) {
  if (link.status === "REVOKED") return t("maps.link_revoked");
  if (link.status === "EXPIRED") return t("maps.link_expired");
  return link.expiresAt ? t("maps.link_expires", { date: date(link.expiresAt) }) : t("maps.link_never");
}

/** Only the coordinator who made a link, or an admin, may revoke it. */
function mayRevoke(link, me) {
  return link.status === "ACTIVE" && (me.role === "admin" || link.createdBy === me.name);
}

function revokeButton(link, me) {
  const cell = el("span", { class: "actions" });
  const ask = el("button", {
    type: "button", class: "danger", onclick: () => {
      replace(cell, el("span", {}, t("maps.revoke_confirm")), " ",
        el("button", { type: "button", class: "danger", onclick: () => revoke(link, me) }, t("maps.revoke_yes")),
        el("button", { type: "button", class: "secondary", onclick: () => render(me) }, t("maps.revoke_no")));
      cell.querySelector("button").focus();
    },
  }, t("maps.revoke"));
  return replace(cell, ask);
}

function render(me) {
  const items = links.map((link) => el("li", { dataset: { id: link.id, status: link.status.toLowerCase() } },
    el("span", { class: "grow" },
      el("strong", {}, t("maps.link_made", { who: link.createdBy, date: date(link.createdAt) })), el("br"),
      el("span", { class: link.status === "ACTIVE" ? "muted small" : "small strong" }, describe(link))),
    mayRevoke(link, me) ? revokeButton(link, me) : null));
  replace(byId("links"), items.length ? items : el("li", { class: "muted" }, t("maps.no_links")));
}

/** List the share links of ``view``. */
export async function showLinks(view, me) {
  shownFor = view.id;
  try {
    const found = (await graphql(LINKS, { view: view.id })).shareLinks;
    if (shownFor !== view.id) return;
    links = found;
  } catch (error) {
    links = [];
    showError(error);
  }
  render(me);
}

/** Make a share link to ``view`` lasting ``days`` (null: for ever) and show its URL and
 * iframe snippet, which can be copied now and never again. */
export async function showNewLink(view, days, me) {
  try {
    const made = (await graphql(CREATE, { view: view.id, days })).createShareLink;
    if (made.__typename !== "NewShareLink") {
      showProblem(made.message);
      return;
    }
    byId("share-url").value = made.url;
    byId("snippet").value = made.iframe;
    byId("copy-status").textContent = "";
    byId("share-result").hidden = false;
    links = [made.link, ...links];
    render(me);
    byId("share-url").focus();
    byId("share-url").select();
  } catch (error) {
    showError(error);
  }
}

async function revoke(link, me) {
  try {
    const done = (await graphql(REVOKE, { id: link.id })).revokeShareLink;
    if (done.__typename !== "ShareLink") {
      showProblem(done.message);
      return;
    }
    links = links.map((l) => (l.id === done.id ? done : l));
    render(me);
    byId("copy-status").textContent = "";
    replace(byId("messages"), el("div", { class: "message success", role: "status" }, t("maps.revoked")));
  } catch (error) {
    showError(error);
  }
}

/** Copy the text of a field to the clipboard, saying whether it worked. */
export async function copyFrom(field) {
  const status = byId("copy-status");
  field.focus();
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = t("maps.copied");
  } catch {
    // The clipboard API may be refused (permissions, an old browser): the text stays selected.
    status.textContent = document.execCommand && document.execCommand("copy") ? t("maps.copied") : t("maps.copy_failed");
  }
}
