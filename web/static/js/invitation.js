// Where a one-time sign-in link leads. The token rides in the #fragment (never sent to a server)
// and is taken out of the address at once. Nothing happens until the person clicks "Log ind":
// a mail program that opens links to check them must not use the link up.
import { ApiError } from "./api.js";
import { byId } from "./dom.js";
import { applyStrings, lang, onLanguage, t } from "./i18n.js";
import { showError, simpleHeader } from "./layout.js";

let token = null;
let welcome = null;
let refusal = null;

function tokenFromLink() {
  const found = new URLSearchParams(location.hash.slice(1)).get("token");
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  return found ? found.trim() : null;
}

function show(part) {
  for (const id of ["welcome-start", "welcome-working", "welcome-done", "welcome-refused"]) {
    byId(id).hidden = id !== part;
  }
}

function date(value) {
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { dateStyle: "long", timeStyle: "short" })
    .format(new Date(value));
}

function showRefusal() {
  const reason = refusal.reason;
  byId("refused-heading").textContent = t(`admin.welcome.${reason}_heading`);
  byId("refused-text").textContent = reason === "used" && refusal.usedAt
    ? t("admin.welcome.used_when", { when: date(refusal.usedAt) })
    : t(`admin.welcome.${reason}_text`);
  byId("refused-todo").textContent = t(`admin.welcome.${reason}_todo`);
  show("welcome-refused");
  byId("refused-heading").focus();
}

function showWelcome() {
  byId("welcome-who").textContent = t("admin.welcome.signed_in",
    { name: welcome.name, role: t(`role.${welcome.role}`) });
  byId("personal-key").value = welcome.key;
  show("welcome-done");
  byId("personal-key").focus();
  byId("personal-key").select();
}

async function useLink() {
  show("welcome-working");
  let response;
  try {
    response = await fetch("/auth/invitation", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ token }),
    });
  } catch {
    show("welcome-start");
    showError(new ApiError("network", 0));
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    welcome = body;
    showWelcome();
  } else if (response.status === 404 || response.status === 410) {
    // The server says why: unknown, used (and when), expired or revoked.
    const reason = ["used", "expired", "revoked"].includes(body.reason) ? body.reason : "unknown";
    refusal = { reason, usedAt: body.used_at || null };
    showRefusal();
  } else {
    show("welcome-start");
    showError(new ApiError(typeof body.detail === "string" ? body.detail : `${response.status}`, response.status));
  }
}

async function copyKey() {
  const field = byId("personal-key");
  field.focus();
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    byId("copy-key-status").textContent = t("admin.copied");
  } catch {
    byId("copy-key-status").textContent = document.execCommand && document.execCommand("copy")
      ? t("admin.copied") : t("admin.copy_failed");
  }
}

function main() {
  simpleHeader();
  applyStrings();
  token = tokenFromLink();
  onLanguage(() => {
    if (welcome) showWelcome();
    if (refusal) showRefusal();
  });
  byId("use-link").addEventListener("click", useLink);
  byId("copy-key").addEventListener("click", copyKey);
  if (!token) {
    refusal = { reason: "unknown" };
    showRefusal();
    return;
  }
  show("welcome-start");
  byId("use-link").focus();
}

main();
