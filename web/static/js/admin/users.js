// The users of the municipality: role, when added, last use, whether they can sign in; change
// a role, make a new one-time link, take access away (after saying what that does).
import { graphql } from "../api.js";
import { confirmDialog } from "../confirm.js";
import { byId, el, replace } from "../dom.js";
import { t, tn } from "../i18n.js";
import { clearMessages, showError, showProblem } from "../layout.js";
import { day, linkBox, shortDay, success, when } from "./common.js";

const ROLES = ["VIEWER", "COORDINATOR", "ADMIN"];
const USERS = `{ users { name role access createdAt lastUsedAt signInLink { status expiresAt usedAt } } }`;
const SET_ROLE = `mutation Role($name: String!, $role: UserRole!) {
  setUserRole(name: $name, role: $role) { __typename ... on Error { message } } }`;
const NEW_LINK = `mutation Link($name: String!) {
  newSignInLink(name: $name) { __typename ... on NewSignInLink { user role url expiresAt } ... on Error { message } } }`;
const REVOKE = `mutation Revoke($name: String!) {
  revokeAccess(name: $name) { __typename ... on AccessRevoked { tokensRevoked linksRevoked } ... on Error { message } } }`;

let users = [];
let me = null;
let made = null; // the last new link: kept on the page until it is left

function access(user) {
  const link = user.signInLink;
  if (user.access === "ACTIVE") return t("admin.users.access.active");
  if (user.access === "INVITED") return t("admin.users.access.invited", { date: day(link.expiresAt) });
  if (link && link.status === "EXPIRED") return t("admin.users.access.expired", { date: day(link.expiresAt) });
  return t("admin.users.access.none");
}

/** Whether taking ``user``'s admin role or access away would leave no admin who can sign in. */
function lastAdmin(user) {
  const admins = users.filter((u) => u.role === "ADMIN" && u.access === "ACTIVE");
  return admins.length === 1 && admins[0].name === user.name;
}

/** The server's refusal in the reader's words where it is the last-admin rule. */
function refusal(result, user) {
  if (result.__typename === "InvalidInputError" && result.message.includes("without an admin")) {
    return t("admin.users.last_admin", { name: user.name });
  }
  return result.message;
}

async function changeRole(user, role) {
  clearMessages();
  if (role === user.role) return;
  if (lastAdmin(user) && role !== "ADMIN") {
    showProblem(t("admin.users.last_admin", { name: user.name }));
    return;
  }
  try {
    const r = (await graphql(SET_ROLE, { name: user.name, role })).setUserRole;
    if (r.__typename !== "UserChanged") {
      showProblem(refusal(r, user));
      return;
    }
    await load();
    success(t("admin.users.role_changed", { name: user.name, role: t(`role.${role.toLowerCase()}`) }));
  } catch (error) {
    showError(error);
  }
}

async function newLink(user) {
  clearMessages();
  try {
    const r = (await graphql(NEW_LINK, { name: user.name })).newSignInLink;
    if (r.__typename !== "NewSignInLink") {
      showProblem(r.message);
      return;
    }
    made = r;
    replace(byId("users-link"), linkBox(r, me, "user-link"));
    byId("user-link-heading").focus();
    await load();
  } catch (error) {
    showError(error);
  }
}

async function revoke(user) {
  clearMessages();
  if (lastAdmin(user)) {
    showProblem(t("admin.users.last_admin", { name: user.name }));
    return;
  }
  const text = t(user.name === me.name ? "admin.users.revoke_confirm_self" : "admin.users.revoke_confirm",
    { name: user.name });
  if (!(await confirmDialog(text, t("admin.users.revoke_yes")))) return;
  try {
    const r = (await graphql(REVOKE, { name: user.name })).revokeAccess;
    if (r.__typename !== "AccessRevoked") {
      showProblem(refusal(r, user));
      return;
    }
    await load();
    success(t("admin.users.revoked", { name: user.name }));
  } catch (error) {
    showError(error);
  }
}

function roleCell(user) {
  const id = `role-${users.indexOf(user)}`;
  const select = el("select", { id, "aria-label": t("admin.users.role_for", { name: user.name }) },
    ROLES.map((role) => el("option", { value: role, selected: role === user.role }, t(`role.${role.toLowerCase()}`))));
  const save = el("button", { type: "button", class: "secondary small-button", disabled: true,
    onclick: () => changeRole(user, select.value) }, t("admin.users.change_role"));
  select.addEventListener("change", () => { save.disabled = select.value === user.role; });
  return el("td", {}, el("div", { class: "role-cell" }, select, save));
}

function row(user) {
  const self = user.name === me.name;
  return el("tr", { dataset: { user: user.name } },
    el("th", { scope: "row" }, user.name, self ? el("span", { class: "muted" }, ` (${t("admin.users.you")})`) : null),
    roleCell(user),
    el("td", { class: user.access === "ACTIVE" ? "" : "muted" }, access(user)),
    el("td", { class: "nowrap" }, shortDay(user.createdAt)),
    el("td", { class: "nowrap" }, user.lastUsedAt ? when(user.lastUsedAt) : t("admin.users.never")),
    el("td", {}, el("div", { class: "row-actions" },
      el("button", { type: "button", class: "secondary small-button", onclick: () => newLink(user),
        "aria-label": t("admin.users.new_link_for", { name: user.name }) }, t("admin.users.new_link")),
      user.access === "NONE" ? null
        : el("button", { type: "button", class: "danger small-button", onclick: () => revoke(user),
          "aria-label": t("admin.users.revoke_for", { name: user.name }) }, t("admin.users.revoke")))));
}

function render() {
  replace(byId("users-table-body"), users.map(row));
  byId("users-count").textContent = tn("admin.users.count", users.length);
}

async function load() {
  try {
    users = (await graphql(USERS)).users;
    render();
  } catch (error) {
    showError(error);
  }
}

/** Draw the users of the tenant in ``panel``. */
export async function showUsers(panel, signedIn) {
  me = signedIn;
  replace(panel,
    el("h2", {}, t("admin.users.heading")),
    el("p", {}, t("admin.users.explain")),
    el("div", { id: "users-link" }, made ? linkBox(made, me, "user-link") : null),
    el("p", { class: "muted", id: "users-count", role: "status" }),
    el("div", { class: "table-scroll" },
      el("table", { class: "data-table admin-table", id: "users-table" },
        el("caption", { class: "visually-hidden" }, t("admin.users.heading")),
        el("thead", {}, el("tr", {},
          ["name", "role", "access", "created", "last_used", "actions"].map((c) =>
            el("th", { scope: "col" }, t(`admin.users.col.${c}`))))),
        el("tbody", { id: "users-table-body" }))));
  await load();
}
