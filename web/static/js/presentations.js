// Presentations: saved map views in order, each with a heading and a short text. Everyone may
// show them full screen or download them; coordinators make, edit, reorder, delete and share.
import { graphql } from "./api.js";
import { confirmDialog } from "./confirm.js";
import { byId, el, options, replace } from "./dom.js";
import { lang, onLanguage, t, tn } from "./i18n.js";
import { canEdit, clearMessages, showError, showProblem, startPage } from "./layout.js";

const FIELDS = "id title url download createdBy updatedAt steps { viewId heading text }";
const LIST = `query { presentations { ${FIELDS} } mapViews { id title kind } }`;
const RESULT = `__typename ... on Presentation { ${FIELDS} } ... on Error { message }
  ... on InvalidInputError { problems { record problem } }`;
const CREATE = `mutation($i: PresentationInput!) { createPresentation(input: $i) { ${RESULT} } }`;
const UPDATE = `mutation($id: ID!, $i: PresentationInput!) { updatePresentation(id: $id, input: $i) { ${RESULT} } }`;
const DELETE = `mutation($id: ID!) { deletePresentation(id: $id) { __typename ... on Error { message } } }`;
const LINK_FIELDS = "id status createdBy createdAt expiresAt";
const LINKS = `query($id: ID!) { presentationLinks(presentationId: $id) { ${LINK_FIELDS} } }`;
const SHARE = `mutation($id: ID!, $days: Int) { createPresentationLink(presentationId: $id, expiresInDays: $days) {
  __typename ... on NewPresentationLink { url link { ${LINK_FIELDS} } } ... on Error { message } } }`;
const REVOKE = `mutation($id: ID!) { revokePresentationLink(id: $id) {
  __typename ... on PresentationLink { ${LINK_FIELDS} } ... on Error { message } } }`;
const EXPIRY_DAYS = ["7", "30", "90", "365", "never"];
const MAX_HEADING = 120;
const MAX_TEXT = 600;

const state = { presentations: [], views: [], editing: null, steps: [], links: [], me: null };

const viewName = (view) => view.title || t(`maps.kind.${view.kind}`);

function date(value) {
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { dateStyle: "medium" }).format(new Date(value));
}

function renderList() {
  byId("list-status").textContent = state.presentations.length ? "" : t("presentations.none");
  replace(byId("presentation-list"), state.presentations.map((p) => el("li", { dataset: { id: p.id } },
    el("span", { class: "grow" }, el("strong", {}, p.title), el("br"),
      el("span", { class: "muted small" }, tn("presentations.step_count", p.steps.length))),
    el("a", { class: "button", href: `${p.url}?lang=${lang()}`, target: "_blank", rel: "noopener" },
      t("presentations.show")),
    el("a", { class: "button secondary", href: `${p.download}?lang=${lang()}`, download: "" },
      t("presentations.download")),
    canEdit() ? el("button", { type: "button", class: "secondary", onclick: () => edit(p) },
      t("presentations.edit")) : null)));
}

/** One step of the form: which view, its heading and text, and buttons to move or remove it. */
function stepItem(step, n) {
  const id = (name) => `step-${n}-${name}`;
  const count = state.steps.length;
  const move = (by) => {
    readSteps();
    const [moved] = state.steps.splice(n, 1);
    state.steps.splice(n + by, 0, moved);
    renderSteps();
    const same = byId(`step-${n + by}-${by < 0 ? "up" : "down"}`);
    (same && !same.disabled ? same : byId(`step-${n + by}-view`)).focus(); // keep the keyboard in place
  };
  const choices = [["", t("presentations.pick_view")], ...state.views.map((v) => [v.id, viewName(v)])];
  const select = options(el("select", { id: id("view"), required: true }), choices, step.viewId || "");
  return el("li", { class: "step panel", dataset: { step: String(n + 1) } },
    el("h3", {}, t("presentations.step", { n: n + 1 })),
    el("label", { for: id("view") }, t("presentations.view")), select,
    el("label", { for: id("heading") }, t("presentations.heading")),
    el("input", { id: id("heading"), type: "text", maxlength: MAX_HEADING, value: step.heading || "", required: true }),
    el("label", { for: id("text") }, t("presentations.text")),
    el("textarea", { id: id("text"), rows: 3, maxlength: MAX_TEXT }, step.text || ""),
    el("p", { class: "actions" },
      el("button", { type: "button", class: "secondary", id: id("up"), disabled: n === 0,
        "aria-label": t("presentations.move_up_label", { n: n + 1 }), onclick: () => move(-1) }, t("presentations.move_up")),
      el("button", { type: "button", class: "secondary", id: id("down"), disabled: n === count - 1,
        "aria-label": t("presentations.move_down_label", { n: n + 1 }), onclick: () => move(1) }, t("presentations.move_down")),
      el("button", { type: "button", class: "danger", id: id("remove"),
        "aria-label": t("presentations.remove_label", { n: n + 1 }),
        onclick: () => { readSteps(); state.steps.splice(n, 1); renderSteps(); byId("add-step").focus(); } },
      t("presentations.remove"))));
}

function readSteps() {
  state.steps = state.steps.map((_, n) => ({
    viewId: byId(`step-${n}-view`).value,
    heading: byId(`step-${n}-heading`).value,
    text: byId(`step-${n}-text`).value,
  }));
}

function renderSteps() {
  replace(byId("steps"), state.steps.map(stepItem));
}

function edit(presentation) {
  clearMessages();
  state.editing = presentation;
  state.steps = presentation ? presentation.steps.map((s) => ({ ...s })) : [{ viewId: "", heading: "", text: "" }];
  byId("editor").hidden = false;
  byId("editor-heading").textContent = presentation ? t("presentations.editing", { title: presentation.title })
    : t("presentations.new");
  byId("presentation-title").value = presentation ? presentation.title : "";
  byId("delete").hidden = !presentation;
  byId("share-panel").hidden = !presentation;
  byId("share-result").hidden = true;
  renderSteps();
  if (presentation) showLinks(presentation);
  byId("editor-heading").focus();
}

async function load() {
  try {
    const data = await graphql(LIST);
    state.presentations = data.presentations;
    state.views = data.mapViews;
  } catch (error) {
    showError(error);
  }
  renderList();
  // An editor opened before the saved maps arrived gets them now, keeping what was typed.
  if (!byId("editor").hidden) {
    const focused = document.activeElement ? document.activeElement.id : "";
    readSteps();
    renderSteps();
    if (focused && byId(focused)) byId(focused).focus();
  }
}

/** A problem's record ("steps[2].heading") in the reader's words. */
function where(record) {
  const found = /^steps\[(\d+)\]\.(\w+)$/.exec(record);
  if (found) return t("presentations.where_step", { n: found[1], field: t(`presentations.field.${found[2]}`) });
  return t(`presentations.field.${record}`);
}

async function save(event) {
  event.preventDefault();
  clearMessages();
  readSteps();
  const input = { title: byId("presentation-title").value, steps: state.steps };
  try {
    const answer = state.editing
      ? (await graphql(UPDATE, { id: state.editing.id, i: input })).updatePresentation
      : (await graphql(CREATE, { i: input })).createPresentation;
    if (answer.__typename !== "Presentation") {
      const problems = answer.problems || [];
      showProblem(problems.length ? problems.map((p) => `${where(p.record)}: ${p.problem}`).join(" · ") : answer.message);
      return;
    }
    await load();
    edit(answer);
    replace(byId("messages"), el("div", { class: "message success", role: "status" }, t("presentations.saved")));
  } catch (error) {
    showError(error);
  }
}

async function remove() {
  const p = state.editing;
  if (!p || !(await confirmDialog(t("presentations.delete_confirm", { title: p.title }), t("presentations.delete")))) return;
  try {
    const answer = (await graphql(DELETE, { id: p.id })).deletePresentation;
    if (answer.__typename !== "DeletedPresentation") { showProblem(answer.message); return; }
    byId("editor").hidden = true;
    state.editing = null;
    await load();
    replace(byId("messages"), el("div", { class: "message success", role: "status" }, t("presentations.deleted")));
    byId("list-heading").focus();
  } catch (error) {
    showError(error);
  }
}

function describe(link) {
  if (link.status === "REVOKED") return t("maps.link_revoked");
  if (link.status === "EXPIRED") return t("maps.link_expired");
  return link.expiresAt ? t("maps.link_expires", { date: date(link.expiresAt) }) : t("maps.link_never");
}

function renderLinks() {
  const me = state.me;
  replace(byId("links"), state.links.length ? state.links.map((link) => el("li", { dataset: { id: link.id } },
    el("span", { class: "grow" }, el("strong", {}, t("maps.link_made", { who: link.createdBy, date: date(link.createdAt) })),
      el("br"), el("span", { class: "muted small" }, describe(link))),
    link.status === "ACTIVE" && (me.role === "admin" || link.createdBy === me.name)
      ? el("button", { type: "button", class: "danger", onclick: () => revoke(link) }, t("maps.revoke")) : null))
    : el("li", { class: "muted" }, t("maps.no_links")));
}

async function showLinks(p) {
  try {
    state.links = (await graphql(LINKS, { id: p.id })).presentationLinks;
  } catch (error) {
    state.links = [];
    showError(error);
  }
  renderLinks();
}

async function share(event) {
  event.preventDefault();
  const value = byId("expires").value;
  try {
    const made = (await graphql(SHARE, { id: state.editing.id, days: value === "never" ? null : Number(value) }))
      .createPresentationLink;
    if (made.__typename !== "NewPresentationLink") { showProblem(made.message); return; }
    byId("share-url").value = made.url;
    byId("share-result").hidden = false;
    state.links = [made.link, ...state.links];
    renderLinks();
    byId("share-url").focus();
    byId("share-url").select();
  } catch (error) {
    showError(error);
  }
}

async function revoke(link) {
  if (!(await confirmDialog(t("presentations.revoke_confirm"), t("maps.revoke_yes")))) return;
  try {
    const done = (await graphql(REVOKE, { id: link.id })).revokePresentationLink;
    if (done.__typename !== "PresentationLink") { showProblem(done.message); return; }
    state.links = state.links.map((l) => (l.id === done.id ? done : l));
    renderLinks();
  } catch (error) {
    showError(error);
  }
}

function fillExpiry() {
  options(byId("expires"), EXPIRY_DAYS.map((d) => [d, d === "never" ? t("maps.expires_never")
    : tn("maps.expires_days", Number(d))]), byId("expires").value || "90");
}

async function main() {
  state.me = await startPage("presentations");
  for (const node of document.querySelectorAll(".editor-only")) node.hidden = !canEdit();
  byId("editor").hidden = true;
  byId("viewer-note").hidden = canEdit();
  fillExpiry();
  byId("new-presentation").addEventListener("click", () => edit(null));
  byId("add-step").addEventListener("click", () => {
    readSteps();
    state.steps.push({ viewId: "", heading: "", text: "" });
    renderSteps();
    byId(`step-${state.steps.length - 1}-view`).focus();
  });
  byId("presentation-form").addEventListener("submit", save);
  byId("delete").addEventListener("click", remove);
  byId("share-form").addEventListener("submit", share);
  onLanguage(() => {
    fillExpiry();
    renderList();
    if (!byId("editor").hidden) { readSteps(); renderSteps(); renderLinks(); }
  });
  await load();
}

main();
