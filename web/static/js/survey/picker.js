// A searchable picker of organisations by name, on the survey pages. Tom Select (Apache-2.0,
// vendored from npm in /static/vendor/tom-select) draws it and makes it keyboard usable; the
// names come from graphsvc's own search and are always shown escaped, never as HTML.
import { t } from "../i18n.js";

/** Turn ``select`` into a picker whose options ``load(text)`` resolves to ([{id, name}]).
 * ``multiple`` keeps many picks; ``onPick(option)`` hears each pick (the picker is then
 * emptied unless ``multiple``); ``onCreate(name)`` offers a typed name that is not found. */
export function namePicker(select, load, { multiple = false, onPick = null, onCreate = null,
  placeholder = t("survey.pick_placeholder") } = {}) {
  const TomSelect = window.TomSelect;
  const picker = new TomSelect(select, {
    valueField: "id",
    labelField: "name",
    searchField: [],
    maxItems: multiple ? null : 1,
    closeAfterSelect: !multiple,
    preload: false,
    loadThrottle: 250,
    placeholder,
    score: () => () => 1, // graphsvc has searched already
    load: (text, callback) => load(text).then(callback, () => callback()),
    create: onCreate ? (input) => {
      onCreate(input.trim());
      picker.setTextboxValue("");
      picker.close();
      return null; // nothing is added to the picker itself
    } : false,
    onItemAdd: (value) => {
      if (multiple) picker.setTextboxValue(""); // ready for the next name
      if (!onPick) return;
      const option = picker.options[value];
      onPick({ id: value, name: option ? option.name : value });
      if (!multiple) {
        picker.clear(true);
        picker.clearOptions();
      }
    },
    render: {
      option: (item, escape) => `<div>${escape(item.name)}</div>`,
      item: (item, escape) => `<div>${escape(item.name)}</div>`,
      option_create: (data, escape) => `<div class="create">${escape(t("survey.pick_create", { name: data.input }))}</div>`,
      no_results: () => `<div class="no-results">${escape_(t("survey.pick_none"))}</div>`,
      loading: () => `<div class="loading">${escape_(t("survey.pick_loading"))}</div>`,
    },
  });
  return picker;
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to stand in Tom Select's rendered markup. */
function escape_(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
