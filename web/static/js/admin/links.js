// Every share link of the municipality, across all saved maps: which map, who made it and
// when, when it expires, when it was last opened; revoke one (after saying what that does).
import { graphql } from "../api.js";
import { confirmDialog } from "../confirm.js";
import { byId, el, replace } from "../dom.js";
import { t, tn } from "../i18n.js";
import { clearMessages, showError, showProblem } from "../layout.js";
import { day, shortDay, success, when } from "./common.js";

const LINKS = `{ shareLinks { id viewId status createdBy createdAt expiresAt revokedAt lastUsedAt }
  mapViews { id title kind } }`;
const REVOKE = `mutation Revoke($id: ID!) {
  revokeShareLink(id: $id) { __typename ... on ShareLink { id status } ... on Error { message } } }`;

let links = [];
let titles = new Map();

function mapName(link) {
  return titles.get(link.viewId) || t("admin.links.view_deleted");
}

function status(link) {
  if (link.status === "REVOKED") return t("admin.links.status.revoked", { date: day(link.revokedAt) });
  if (link.status === "EXPIRED") return t("admin.links.status.expired", { date: day(link.expiresAt) });
  return link.expiresAt ? t("admin.links.status.expires", { date: day(link.expiresAt) })
    : t("admin.links.status.never");
}

async function revoke(link) {
  clearMessages();
  const name = mapName(link);
  if (!(await confirmDialog(t("admin.links.revoke_confirm", { map: name, who: link.createdBy }),
    t("admin.links.revoke_yes")))) return;
  try {
    const r = (await graphql(REVOKE, { id: link.id })).revokeShareLink;
    if (r.__typename !== "ShareLink") {
      showProblem(r.message);
      return;
    }
    await load();
    success(t("admin.links.revoked", { map: name }));
  } catch (error) {
    showError(error);
  }
}

function row(link) {
  const active = link.status === "ACTIVE";
  return el("tr", { dataset: { link: link.id, status: link.status.toLowerCase() } },
    el("th", { scope: "row" }, mapName(link)),
    el("td", {}, link.createdBy, el("br"), el("span", { class: "muted small" }, shortDay(link.createdAt))),
    el("td", { class: active ? "" : "strong" }, status(link)),
    el("td", { class: "nowrap" }, link.lastUsedAt ? when(link.lastUsedAt) : t("admin.links.never_opened")),
    el("td", {}, active
      ? el("button", { type: "button", class: "danger small-button", onclick: () => revoke(link),
        "aria-label": t("admin.links.revoke_for", { map: mapName(link) }) }, t("admin.links.revoke"))
      : null));
}

function render() {
  const active = links.filter((l) => l.status === "ACTIVE").length;
  byId("links-count").textContent = `${tn("admin.links.count", links.length)} · ${tn("admin.links.active", active)}`;
  replace(byId("links-table-body"), links.length ? links.map(row)
    : el("tr", {}, el("td", { colspan: "5", class: "muted" }, t("admin.links.none"))));
}

async function load() {
  try {
    const data = await graphql(LINKS);
    titles = new Map(data.mapViews.map((v) => [v.id, v.title || t(`maps.kind.${v.kind.toLowerCase().replace(/_/g, "-")}`)]));
    links = data.shareLinks;
    render();
  } catch (error) {
    showError(error);
  }
}

/** Draw every share link of the tenant in ``panel``. */
export async function showLinks(panel) {
  replace(panel,
    el("h2", {}, t("admin.links.heading")),
    el("p", {}, t("admin.links.explain")),
    el("p", { class: "muted", id: "links-count", role: "status" }),
    el("div", { class: "table-scroll" },
      el("table", { class: "data-table admin-table", id: "links-table" },
        el("caption", { class: "visually-hidden" }, t("admin.links.heading")),
        el("thead", {}, el("tr", {},
          ["map", "made", "status", "last_used", "actions"].map((c) => el("th", { scope: "col" }, t(`admin.links.col.${c}`))))),
        el("tbody", { id: "links-table-body" }))));
  await load();
}
