// The texts a coordinator sends respondents: an invitation with the personal link, and a
// reminder with a new one. Always in Danish (the questionnaire itself has an English switch),
// from the Danish dictionary. Each is shown in a box to read or copy by hand; a button copies it.
import { da } from "../../i18n/da.js";
import { el } from "../dom.js";
import { t } from "../i18n.js";

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A day as Danish words: "31. marts 2026". */
export function danishDate(iso) {
  return new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric" })
    .format(new Date(`${iso}T12:00:00`));
}

/** The invitation (``kind`` "invitation") or reminder (``kind`` "reminder") for one respondent. */
export function letter(kind, { organisation, round, closesOn, url }) {
  return fill(da[`survey.${kind}_text`], {
    organisation, round, date: danishDate(closesOn), link: url,
  });
}

let boxes = 0;

/** A box holding ``text`` with a button that copies it. */
export function copyBox(text, label) {
  boxes += 1;
  const id = `copy-${boxes}`;
  const area = el("textarea", { id, readonly: true, rows: 9, spellcheck: "false" });
  area.value = text;
  const done = el("span", { class: "muted", role: "status" });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      done.textContent = t("survey.copied");
    } catch {
      area.focus();
      area.select();
      done.textContent = t("survey.copy_by_hand");
    }
  };
  return el("div", { class: "text-box" },
    el("label", { for: id }, label), area,
    el("div", { class: "actions" }, el("button", { type: "button", class: "secondary", onclick: copy },
      t("survey.copy")), done));
}
