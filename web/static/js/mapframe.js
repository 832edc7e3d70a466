// A map of graphsvc (/maps/<kind>.html) in an iframe of the same origin: the page can read
// when it is drawn (window.graphsvcMapReady), hear which node is selected (the
// "graphsvc:select" event on the map's window) and what the coordinator hides or focuses on
// there ("graphsvc:explore", whose detail is that state as the map's options).
import { el, replace } from "./dom.js";
import { lang, t } from "./i18n.js";

/** The URL of a live map; empty and missing options are left out. */
export function mapUrl(kind, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ lang: lang(), ...params })) {
    if (value !== null && value !== undefined && value !== "") query.set(name, String(value));
  }
  return `/maps/${encodeURIComponent(kind)}.html?${query}`;
}

const ACTOR_KINDS = new Set(["Association", "Business", "MunicipalUnit", "Organisation"]);

export class MapFrame {
  /** ``onSelect(detail)`` is called with the details of a node picked on the map; with
   * ``editable`` (a coordinator's page), an actor picked on it gets a link to the editor. */
  constructor(container, { onSelect = null, onExplore = null, name = "map", editable = false } = {}) {
    this.container = container;
    this.onSelect = onSelect;
    this.onExplore = onExplore;
    this.editable = editable;
    this.status = el("p", { class: "map-status", role: "status" });
    this.frame = el("iframe", { class: "map-frame", name, title: t("map.frame_title") });
    this.frame.addEventListener("load", () => this.loaded());
    this.editBar = el("p", { class: "map-edit", hidden: true, "aria-live": "polite" });
    replace(container, this.status, this.frame, this.editBar);
    this.url = null;
  }

  /** The editor link for the node picked on the map (actors only; nothing for groups). */
  offerEdit(detail) {
    const actor = this.editable && detail && detail.id && ACTOR_KINDS.has(detail.kind);
    this.editBar.hidden = !actor;
    if (actor) {
      replace(this.editBar, el("a", { class: "button secondary", href: `/workspace?id=${encodeURIComponent(detail.id)}` },
        t("explorer.edit_named", { name: detail.label })));
    }
  }

  /** Show the map of ``kind`` with ``params`` (reloads only when the URL changes). */
  show(kind, params = {}, title = null) {
    this.showUrl(mapUrl(kind, params), title);
  }

  /** Show the map page at ``url``, a map of graphsvc's own (the difference map of two
   * snapshots, say); reloads only when the URL changes. */
  showUrl(url, title = null) {
    this.frame.title = title || t("map.frame_title");
    if (url === this.url) return;
    this.url = url;
    this.status.textContent = t("map.drawing");
    this.container.classList.remove("has-problem");
    this.container.classList.add("is-loading");
    this.frame.src = url;
  }

  /** A sentence in the map's place while there is no map. */
  hint(text) {
    this.clear();
    this.status.textContent = text;
  }

  clear() {
    this.url = null;
    this.frame.removeAttribute("src");
    this.status.textContent = "";
    this.container.classList.remove("is-loading", "has-problem");
  }

  loaded() {
    let view;
    try {
      view = this.frame.contentWindow;
      void view.document; // throws if the frame is not ours (it always should be)
    } catch {
      return;
    }
    if (!this.url) return;
    if (!view.document.getElementById("graphsvc-map-data")) {
      this.failed(view.document.body ? view.document.body.innerText : "");
      return;
    }
    view.addEventListener("graphsvc:select", (event) => {
      this.offerEdit(event.detail || {});
      if (this.onSelect) this.onSelect(event.detail || {});
    });
    view.addEventListener("graphsvc:explore", (event) => {
      if (this.onExplore) this.onExplore(event.detail || {});
    });
    const done = () => {
      this.container.classList.remove("is-loading");
      this.status.textContent = "";
    };
    if (view.graphsvcMapReady === true) done();
    else view.addEventListener("graphsvc:ready", done, { once: true });
  }

  /** The frame holds graphsvc's answer instead of a map: say why in words. */
  failed(body) {
    let reason = body.trim();
    try {
      const answer = JSON.parse(reason);
      if (typeof answer.detail === "string") reason = answer.detail;
      else if (Array.isArray(answer.detail)) reason = answer.detail.map((d) => d.msg || d).join("; ");
    } catch {
      // an HTML or text answer: its text is the reason
    }
    this.container.classList.remove("is-loading");
    this.container.classList.add("has-problem");
    this.status.textContent = reason ? t("map.not_drawn_because", { reason: reason.slice(0, 400) }) : t("map.not_drawn");
  }
}
