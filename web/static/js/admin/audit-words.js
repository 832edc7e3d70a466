// The audit log's entries as sentences an admin reads: "Mette Jensen (koordinator) ændrede
// foreningen »Hvalsø Klatreklub«: beskrivelse". The server keeps actions as short English codes
// ("update association"); an action this page does not know is shown as it is.
import { has, t } from "../i18n.js";
import { label } from "../words.js";

const NODE_ACTION = /^(create|update|delete|erase) (.+)$/;
const USER_ACTIONS = new Set([
  "add user", "issue token", "revoke tokens", "set user role", "remove user",
  "invite user", "new sign-in link", "use sign-in link", "revoke access",
]);
const SIMPLE = {
  "delete map view": "admin.log.delete_view",
  "create share link": "admin.log.create_link",
  "revoke share link": "admin.log.revoke_link",
  delete_snapshot: "admin.log.delete_snapshot",
};
const BOOKKEEPING = new Set(["version", "updated_at", "created_at", "id", "tenant", "kind"]);

/** Who made a change: "Mette (koordinator)", or the command line. */
export function who(actor) {
  if (actor === "command line") return t("admin.log.command_line");
  const found = /^(.*) \((viewer|coordinator|admin)\)$/.exec(actor);
  return found ? `${found[1]} (${t(`role.${found[2]}`)})` : actor;
}

function subjectName(entry, id) {
  const subject = entry.subjects.find((s) => s.id === id);
  return (subject && subject.name) || id;
}

function recordName(entry) {
  const fromRecord = (entry.after && entry.after.name) || (entry.before && entry.before.name);
  const subject = entry.subjects.find((s) => s.id === entry.target);
  return (subject && subject.name) || fromRecord || entry.target;
}

function fieldWord(key) {
  const camel = key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  for (const candidate of [`editor.field.${key}`, `editor.field.${camel}`]) {
    if (has(candidate)) return t(candidate).toLowerCase();
  }
  return key.replace(/_/g, " ");
}

/** The fields an update changed, in words. */
function changedFields(entry) {
  const before = entry.before || {};
  const after = entry.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return keys.map(fieldWord).join(", ");
}

function nodeSentence(entry, verb, kindWords) {
  const kind = label("kind", kindWords.replace(/ /g, "_")).toLowerCase();
  if (verb === "erase") return t("admin.log.erase", { kind, id: entry.target });
  const name = recordName(entry);
  if (verb === "update") {
    const fields = changedFields(entry);
    return fields ? t("admin.log.update_fields", { kind, name, fields }) : t("admin.log.update", { kind, name });
  }
  return t(`admin.log.${verb}`, { kind, name });
}

function tieSentence(entry) {
  const tie = entry.after || entry.before || {};
  const type = String(tie.type || "").toLowerCase();
  const key = `tie.${type}.outgoing`;
  const values = {
    from: subjectName(entry, tie.source),
    tie: has(key) ? t(key).toLowerCase() : type.replace(/_/g, " "),
    to: subjectName(entry, tie.target),
  };
  const verb = { connect: "connect", "update tie": "update_tie", disconnect: "disconnect" }[entry.action];
  return t(`admin.log.${verb}`, values);
}

function userSentence(entry) {
  const user = entry.target.replace(/^user /, "");
  const role = (value) => (value ? t(`role.${value}`) : "");
  const after = entry.after || {};
  const key = entry.action.replace(/[ -]/g, "_");
  return t(`admin.log.${key}`, {
    user, role: role(after.role), before: role(entry.before && entry.before.role), after: role(after.role),
  });
}

/** The title a saved map was given, from the options kept with the change (JSON text). */
function mapTitle(entry) {
  try {
    const options = JSON.parse((entry.after && entry.after.options) || "{}");
    return typeof options.title === "string" ? options.title : null;
  } catch {
    return null;
  }
}

/** One entry as a sentence (without who made it, which has a column of its own). */
export function describe(entry) {
  let sentence;
  const node = NODE_ACTION.exec(entry.action);
  if (["connect", "update tie", "disconnect"].includes(entry.action)) sentence = tieSentence(entry);
  else if (USER_ACTIONS.has(entry.action)) sentence = userSentence(entry);
  else if (entry.action === "import") {
    const after = entry.after || {};
    sentence = t("admin.log.import", { nodes: after.nodes ?? "?", ties: after.ties ?? "?" });
  } else if (entry.action === "create_snapshot") {
    sentence = t("admin.log.create_snapshot", { name: (entry.after && entry.after.name) || entry.target });
  } else if (entry.action === "save map view" || entry.action === "change map view") {
    const title = mapTitle(entry);
    const key = entry.action === "save map view" ? "admin.log.save_view" : "admin.log.change_view";
    sentence = title ? t(`${key}_titled`, { title }) : t(key, { target: entry.target });
  } else if (SIMPLE[entry.action]) sentence = t(SIMPLE[entry.action], { target: entry.target });
  else if (node) sentence = nodeSentence(entry, node[1], node[2]);
  else sentence = `${entry.action}: ${entry.target}`;
  return entry.redacted ? `${sentence} ${t("admin.log.redacted")}` : sentence;
}
