// Sign-in: the token comes in the link's #token= fragment (never sent to the server by the
// browser) or is pasted; it is exchanged for the session cookie and removed from the address.
// Signing in again as someone else simply replaces the cookie.
import { ApiError, signIn } from "./api.js";
import { byId } from "./dom.js";
import { applyStrings, t } from "./i18n.js";
import { showError, showProblem, simpleHeader } from "./layout.js";

/** Where to go after signing in: only a page of graphsvc itself. */
function nextPage() {
  const next = new URLSearchParams(location.search).get("next") || "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/explorer";
}

function tokenFromLink() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get("token");
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  return token ? token.trim() : null;
}

async function exchange(token) {
  byId("signing-in").hidden = false;
  byId("sign-in-form").hidden = true;
  try {
    await signIn(token);
    location.replace(nextPage());
  } catch (error) {
    byId("signing-in").hidden = true;
    byId("sign-in-form").hidden = false;
    if (error instanceof ApiError && error.status === 401) showProblem(t("signin.invalid"));
    else showError(error);
    byId("token").focus();
  }
}

function main() {
  simpleHeader();
  applyStrings();
  const token = tokenFromLink();
  byId("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = byId("token").value.trim();
    if (value) exchange(value);
  });
  if (token) {
    exchange(token);
  } else {
    byId("sign-in-form").hidden = false;
    byId("token").focus();
  }
}

main();
