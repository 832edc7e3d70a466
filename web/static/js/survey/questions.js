// The three questions a respondent answers about each partner, with the words of the
// questionnaire (as the spreadsheet survey has them): how often, trust 1-4 and value 1-4.
import { el } from "../dom.js";
import { t } from "../i18n.js";

export const FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "yearly", "rarely"];
const SCALE = [1, 2, 3, 4];

let cards = 0;

function scale(name, question, chosen, onChange) {
  return el("fieldset", { class: "scale" },
    el("legend", {}, t(`respond.question.${question}`)),
    el("div", { class: "scale-options" }, SCALE.map((score) => el("label", { class: "scale-option" },
      el("input", { type: "radio", name, value: score, checked: chosen === score,
        onchange: () => onChange(score) }),
      el("span", {}, el("b", {}, String(score)), t(`respond.scale.${score}`))))));
}

/** The card of one partner (``{name, isNew, frequency, trust, value}``, changed in place);
 * ``onRemove`` takes it off the list. */
export function partnerCard(partner, onRemove) {
  cards += 1;
  const id = `p${cards}`;
  const frequency = el("select", { id: `${id}-frequency`, name: "frequency",
    onchange: (event) => { partner.frequency = event.target.value || null; } },
  el("option", { value: "" }, t("respond.choose")),
  FREQUENCIES.map((f) => el("option", { value: f, selected: partner.frequency === f }, t(`frequency.${f}`))));
  return el("li", { class: `partner-card${partner.isNew ? " is-new" : ""}`, dataset: { name: partner.name } },
    el("div", { class: "partner-head" },
      el("h3", {}, partner.name),
      el("button", { type: "button", class: "secondary remove", onclick: onRemove,
        "aria-label": t("respond.remove_named", { name: partner.name }) }, t("respond.remove"))),
    partner.isNew ? el("p", { class: "new-note" }, t("respond.new_note")) : null,
    // Said at the top of the card: where the reader's eye lands when the card is pointed out.
    el("p", { class: "field-problem", hidden: true, role: "alert" }),
    el("div", { class: "question field" },
      el("label", { for: frequency.id }, t("respond.question.frequency")), frequency),
    scale(`${id}-trust`, "trust", partner.trust, (score) => { partner.trust = score; }),
    scale(`${id}-value`, "value", partner.value, (score) => { partner.value = score; }));
}

/** The partners some answer is missing for. */
export function unanswered(partners) {
  return partners.filter((p) => !p.frequency || !p.trust || !p.value);
}
