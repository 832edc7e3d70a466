// The partner survey as a respondent answers it: through a personal link, with no account,
// on a phone as much as a laptop. Whom the organisation works with (found by name, or typed
// when not on the list), how often, how much it trusts them and how much they are worth to its
// work; saved as a whole, changeable until the round closes; then its own network map.
// Everything goes to /respond/<token>/…: the link alone says who is answering.
import { byId, el, replace } from "./dom.js";
import { applyStrings, lang, languageChosen, onLanguage, setLang, t } from "./i18n.js";
import { clearMessages, showProblem, simpleHeader } from "./layout.js";
import { namePicker } from "./survey/picker.js";
import { partnerCard, unanswered } from "./survey/questions.js";

const token = location.pathname.split("/")[2] || "";
const base = `/respond/${encodeURIComponent(decodeURIComponent(token))}`;
const state = { form: null, partners: [] };

/** The browser's own preference between Danish and English (Danish unless English is first). */
function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language || ""]) {
    const code = String(tag).slice(0, 2).toLowerCase();
    if (code === "da" || code === "en") return code;
  }
  return "da";
}

async function send(path, init = {}) {
  let response;
  try {
    response = await fetch(`${base}${path}`, { credentials: "same-origin", ...init });
  } catch {
    return { ok: false, status: 0, body: {} };
  }
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  return { ok: response.ok, status: response.status, body };
}

function date(iso) {
  return new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "long",
    year: "numeric" }).format(new Date(`${iso}T12:00:00`));
}

/** A link that no longer works, or any other refusal, in the respondent's words. */
function showFailure(answer) {
  const reason = answer.body && answer.body.reason;
  if (answer.status === 410 || answer.status === 404) {
    byId("answers").hidden = true;
    byId("ego").hidden = true;
    showProblem(t(`respond.gone.${reason || "unknown"}`));
  } else if (answer.status === 0) {
    showProblem(t("error.network"));
  } else {
    const problems = (answer.body.problems || []).map((p) => `${p.record}: ${p.problem}`);
    showProblem([t("respond.refused"), ...(problems.length ? problems : [answer.body.detail || ""])].join("\n"));
  }
}

function drawIntro() {
  if (!state.form) return;
  const { round, respondent } = state.form;
  replace(byId("intro"),
    t("respond.intro_for"), " ", el("strong", {}, respondent.name), ". ",
    t("respond.intro_round", { round: round.name }), " ",
    t("respond.intro_until", { date: date(round.closesOn) }));
}

function drawPartners() {
  const list = byId("partner-list");
  replace(list, state.partners.map((partner) => partnerCard(partner, () => {
    state.partners = state.partners.filter((p) => p !== partner);
    drawPartners();
    byId("partner-search-ts-control").focus();
  })));
  byId("no-partners").hidden = state.partners.length > 0;
}

function add(partner) {
  const known = state.partners.find((p) => (partner.id ? p.id === partner.id
    : p.isNew && p.name.toLowerCase() === partner.name.toLowerCase()));
  if (known) return;
  state.partners.push({ frequency: null, trust: null, value: null, ...partner });
  drawPartners();
  const cards = byId("partner-list").children;
  cards[cards.length - 1].querySelector("select").focus();
}

function drawMap() {
  if (!state.form || !state.form.answered) return;
  byId("ego").hidden = false;
  const src = `${base}/map.html?lang=${lang()}`;
  const frame = byId("ego-map").querySelector("iframe");
  if (frame && frame.getAttribute("src") === src) return;
  replace(byId("ego-map"), el("iframe", { class: "map-frame", name: "ego-map", src, title: t("respond.ego_heading") }));
}

function fromForm(form) {
  state.form = form;
  state.partners = [
    ...form.partners.map((p) => ({ id: p.partner, name: p.name, isNew: false, frequency: p.frequency,
      trust: p.trust, value: p.value })),
    ...form.newPartners.map((p) => ({ id: null, name: p.name, isNew: true, frequency: p.frequency,
      trust: p.trust, value: p.value })),
  ];
  drawIntro();
  drawPartners();
  drawMap();
}

async function save(event) {
  event.preventDefault();
  clearMessages();
  const missing = unanswered(state.partners);
  for (const card of byId("partner-list").children) {
    const partner = state.partners.find((p) => p.name === card.dataset.name);
    const wrong = missing.includes(partner);
    card.classList.toggle("has-problem", wrong);
    const note = card.querySelector(".field-problem");
    note.hidden = !wrong;
    note.textContent = wrong ? t("respond.answer_all") : "";
  }
  if (missing.length) {
    showProblem(t("respond.missing", { names: missing.map((p) => p.name).join(", ") }));
    const first = byId("partner-list").querySelector(".has-problem");
    first.scrollIntoView({ block: "start" });
    first.querySelector("select").focus({ preventScroll: true });
    return;
  }
  const answer = (p) => ({ frequency: p.frequency, trust: Number(p.trust), value: Number(p.value) });
  const button = byId("save");
  button.disabled = true;
  const result = await send("/answers", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      respondent: state.form.respondent.id,
      partners: state.partners.filter((p) => !p.isNew).map((p) => ({ partner: p.id, ...answer(p) })),
      newPartners: state.partners.filter((p) => p.isNew).map((p) => ({ name: p.name, ...answer(p) })),
    }),
  });
  button.disabled = false;
  if (!result.ok) {
    showFailure(result);
    return;
  }
  fromForm(result.body);
  replace(byId("messages"), el("div", { class: "message success", role: "status" },
    t("respond.saved", { date: date(result.body.round.closesOn) })));
  byId("messages").scrollIntoView({ block: "nearest" });
}

async function searchOrganisations(text) {
  const answer = await send(`/organisations?q=${encodeURIComponent(text || "")}`, {
    headers: { Accept: "application/json" } });
  if (!answer.ok) return [];
  const chosen = new Set(state.partners.map((p) => p.id));
  return answer.body.filter((o) => !chosen.has(o.id));
}

async function start() {
  simpleHeader();
  if (!languageChosen()) setLang(browserLanguage());
  applyStrings();
  const picker = namePicker(byId("partner-search"), searchOrganisations, {
    placeholder: t("respond.search_placeholder"),
    onPick: (option) => add({ id: option.id, name: option.name, isNew: false }),
    onCreate: (name) => name && add({ id: null, name, isNew: true }),
  });
  onLanguage(() => {
    picker.control_input.setAttribute("placeholder", t("respond.search_placeholder"));
    drawIntro();
    drawPartners();
    drawMap();
  });
  byId("answers").addEventListener("submit", save);
  const answer = await send("/questionnaire", { headers: { Accept: "application/json" } });
  if (!answer.ok) {
    showFailure(answer);
    return;
  }
  byId("answers").hidden = false;
  fromForm(answer.body);
}

start();
