// Invite a person: a name and a role give a one-time sign-in link to hand over (with a text
// for the e-mail), instead of a token.
import { graphql } from "../api.js";
import { byId, el, replace } from "../dom.js";
import { t } from "../i18n.js";
import { clearMessages, showError } from "../layout.js";
import { linkBox } from "./common.js";

const ROLES = ["viewer", "coordinator", "admin"];
let made = null; // the last link made: kept on the page (another tab, another language) until it is left
const INVITE = `mutation Invite($name: String!, $role: UserRole!) {
  inviteUser(name: $name, role: $role) {
    __typename
    ... on NewSignInLink { user role url expiresAt }
    ... on Error { message }
  }
}`;

function roleChoice(role, checked) {
  const id = `invite-role-${role}`;
  return el("div", { class: "role-choice" },
    el("input", { type: "radio", name: "role", id, value: role, checked }),
    el("label", { for: id },
      el("span", { class: "strong" }, t(`admin.invite.role.${role}`)), " – ",
      el("span", {}, t(`admin.invite.role.${role}.means`))));
}

function problem(text) {
  const box = byId("invite-problem");
  box.textContent = text;
  box.hidden = !text;
  byId("invite-name").setAttribute("aria-invalid", text ? "true" : "false");
}

async function invite(form, me, onInvited) {
  clearMessages();
  problem("");
  const name = form.elements.name.value.trim();
  const role = form.elements.role.value;
  if (!name) {
    problem(t("admin.invite.name_missing"));
    byId("invite-name").focus();
    return;
  }
  try {
    const r = (await graphql(INVITE, { name, role: role.toUpperCase() })).inviteUser;
    if (r.__typename === "DuplicateError") {
      problem(t("admin.invite.taken", { name }));
      byId("invite-name").focus();
      return;
    }
    if (r.__typename === "InvalidInputError") {
      problem(t("admin.invite.bad_name"));
      byId("invite-name").focus();
      return;
    }
    if (r.__typename !== "NewSignInLink") {
      problem(r.message);
      return;
    }
    made = r;
    form.reset();
    replace(byId("invite-result"), linkBox(made, me, "invite-link"));
    byId("invite-link-heading").focus();
    onInvited();
  } catch (error) {
    showError(error);
  }
}

/** Draw the invitation form in ``panel``; ``onInvited`` runs after a person was invited. */
export function showInvite(panel, me, onInvited) {
  const form = el("form", { id: "invite-form", class: "admin-form", novalidate: true },
    el("div", { class: "field" },
      el("label", { for: "invite-name" }, t("admin.invite.name")),
      el("input", { id: "invite-name", name: "name", type: "text", autocomplete: "off", spellcheck: "false",
        maxlength: "80", "aria-describedby": "invite-name-hint invite-problem" }),
      el("p", { class: "hint", id: "invite-name-hint" }, t("admin.invite.name_hint")),
      el("p", { class: "field-problem", id: "invite-problem", role: "alert", hidden: true })),
    el("fieldset", {},
      el("legend", {}, t("admin.invite.role")),
      ROLES.map((role) => roleChoice(role, role === "viewer"))),
    el("p", { class: "actions" }, el("button", { type: "submit", id: "invite-submit" }, t("admin.invite.submit"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    invite(form, me, onInvited);
  });
  replace(panel,
    el("h2", {}, t("admin.invite.heading")),
    el("p", {}, t("admin.invite.explain")),
    el("div", { class: "invite-layout" }, form, el("div", { id: "invite-result" }, made ? linkBox(made, me, "invite-link") : null)));
}
