// Access and people (admins): invite people with one-time sign-in links, manage users and their
// roles, revoke share links across all maps, read the audit log, and answer the rights of the
// people in the graph. The server refuses every one of these to anyone but an admin; this page
// only says so plainly to a coordinator who opens it.
import { byId, el, replace } from "./dom.js";
import { onLanguage, t } from "./i18n.js";
import { clearMessages, startPage } from "./layout.js";
import { showAudit } from "./admin/audit.js";
import { showInvite } from "./admin/invite.js";
import { showLinks } from "./admin/links.js";
import { showPeople } from "./admin/people.js";
import { showUsers } from "./admin/users.js";

const TABS = ["invite", "users", "links", "audit", "people"];
const state = { tab: "invite", me: null };

function draw(tab) {
  const panel = byId(`panel-${tab}`);
  if (tab === "invite") showInvite(panel, state.me, () => {});
  if (tab === "users") showUsers(panel, state.me);
  if (tab === "links") showLinks(panel);
  if (tab === "audit") showAudit(panel);
  if (tab === "people") showPeople(panel);
}

function setTab(tab, focus = false) {
  if (tab !== state.tab) clearMessages(); // a message is about the part it came from
  state.tab = tab;
  for (const name of TABS) {
    const button = byId(`tab-${name}`);
    const selected = name === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${name}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  history.replaceState(null, "", tab === "invite" ? "/admin" : `/admin?tab=${tab}`);
  draw(tab);
}

function tabs() {
  const list = byId("admin-tabs");
  replace(list, TABS.map((tab) => el("button", {
    type: "button", role: "tab", id: `tab-${tab}`, "aria-controls": `panel-${tab}`,
    "aria-selected": String(tab === state.tab), tabindex: tab === state.tab ? 0 : -1,
    onclick: () => setTab(tab),
  }, t(`admin.tab.${tab}`))));
}

async function main() {
  state.me = await startPage("admin");
  if (state.me.role !== "admin") {
    const tell = () => replace(byId("messages"), el("div", { class: "message", role: "status", id: "admins-only" },
      el("strong", {}, t("admin.only_admins_title")), " ", t("admin.only_admins", { role: t(`role.${state.me.role}`) })));
    tell();
    onLanguage(tell);
    return;
  }
  byId("admin").hidden = false;
  byId("admin-tabs").addEventListener("keydown", (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) setTab(TABS[(TABS.indexOf(state.tab) + step + TABS.length) % TABS.length], true);
  });
  onLanguage(() => {
    clearMessages(); // written in the other language
    tabs();
    setTab(state.tab);
  });
  tabs();
  const wanted = new URLSearchParams(location.search).get("tab");
  setTab(TABS.includes(wanted) ? wanted : "invite");
}

main();
