// Asking before something that cannot be undone: a modal <dialog> in the page's own words
// (never the browser's confirm(), which cannot be styled, translated or read on a projector).
// Escape or "No" answers no; the safe answer has the focus.
import { el } from "./dom.js";
import { t } from "./i18n.js";

/** Resolves to true when the reader confirms ``text``; ``yes`` names the action. */
export function confirmDialog(text, yes) {
  return new Promise((resolve) => {
    let answered = false;
    const close = (answer) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const no = el("button", { type: "button", class: "secondary", id: "confirm-no",
      onclick: () => close(false) }, t("confirm.no"));
    const dialog = el("dialog", { class: "confirm", "aria-labelledby": "confirm-text" },
      el("p", { id: "confirm-text" }, text),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "danger", id: "confirm-yes", onclick: () => close(true) }, yes),
        no));
    dialog.addEventListener("cancel", () => close(false));
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
