// What the admin page's parts share: dates in the reader's language, the success message,
// copying a field, and the one-time link box (an invitation, or a new link for a user).
import { byId, el, replace } from "../dom.js";
import { lang, t } from "../i18n.js";

const locale = () => (lang() === "da" ? "da-DK" : "en-GB");

/** "7. maj 2026 14.03" (or "–" for nothing). */
export function when(value) {
  if (!value) return "–";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** "7. maj 2026". */
export function day(value) {
  if (!value) return "–";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(new Date(value));
}

/** "7. maj 2026" shortened for a table: "7. maj 2026" / "7 May 2026" (months abbreviated). */
export function shortDay(value) {
  if (!value) return "–";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(new Date(value));
}

export function success(text) {
  replace(byId("messages"), el("div", { class: "message success", role: "status" }, text));
}

/** Copy a field's text, saying in ``status`` whether it worked. */
export async function copyField(field, status) {
  field.focus();
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = t("admin.copied");
  } catch {
    // The clipboard may be refused (permissions, an old browser): the text stays selected.
    status.textContent = document.execCommand && document.execCommand("copy") ? t("admin.copied") : t("admin.copy_failed");
  }
}

/** The text to paste into an e-mail to the person, with the link in it. */
export function mailText(made, sender) {
  return t("admin.mail.text", {
    name: made.user, role: t(`role.${made.role.toLowerCase()}`), url: made.url, date: day(made.expiresAt), sender,
  });
}

/** The box that shows a new one-time link once: the link and the e-mail text, each with a copy
 * button. ``made`` is a NewSignInLink; ``me`` the signed-in admin (who signs the e-mail);
 * ``prefix`` keeps the ids of two such boxes on one page apart. */
export function linkBox(made, me, prefix) {
  const id = (name) => `${prefix}-${name}`;
  const status = el("p", { class: "muted small", role: "status", id: id("copy-status") });
  const url = el("input", { id: id("url"), type: "text", readonly: true, value: made.url, spellcheck: "false" });
  const mail = el("textarea", { id: id("mail"), class: "mail-text", readonly: true, rows: 11 });
  mail.value = mailText(made, me.name);
  return el("section", { class: "link-box", id: id("box"), "aria-labelledby": id("heading") },
    el("h3", { id: id("heading"), tabindex: "-1" }, t("admin.link.heading", { name: made.user })),
    el("p", { class: "strong" }, t("admin.link.once", { date: day(made.expiresAt) })),
    el("label", { for: id("url") }, t("admin.link.url_label")),
    el("div", { class: "field-row" }, url,
      el("button", { type: "button", class: "secondary", id: id("copy-url"), onclick: () => copyField(url, status) },
        t("admin.link.copy_url"))),
    el("label", { for: id("mail") }, t("admin.link.mail_label")),
    mail,
    el("p", { class: "actions" },
      el("button", { type: "button", class: "secondary", id: id("copy-mail"), onclick: () => copyField(mail, status) },
        t("admin.link.copy_mail"))),
    status,
    el("p", { class: "hint" }, t("admin.link.shown_once")));
}
