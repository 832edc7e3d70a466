// What the workspace edits, kind by kind: the list it searches, the fields of its form, and the
// GraphQL names of its reads and changes. Enum values come from the schema (see enums.js), the
// words for them from the dictionaries.

/** Fields: ``name`` is the GraphQL input field; ``type`` picks the control. */
export const KINDS = {
  actor: {
    list: "actors", filter: "ActorFilter", type: "Actor", create: "createActor",
    update: "updateActor", createInput: "ActorCreate", updateInput: "ActorUpdate",
    fields: [
      { name: "kind", read: "actorKind", type: "select", enum: "ActorKind", group: "kind", createOnly: true, required: true },
      { name: "name", type: "text", required: true },
      { name: "sector", type: "select", enum: "Sector", group: "sector", required: true },
      { name: "arenas", type: "checks", enum: "Arena", group: "arena" },
      { name: "areaId", read: "area", type: "area" },
      { name: "category", type: "text" },
      { name: "description", type: "textarea" },
    ],
    read: "actorKind sector arenas category description area { id }",
  },
  contact: {
    list: "contactPersons", filter: "NameFilter", type: "ContactPerson", create: "createContactPerson",
    update: "updateContactPerson", createInput: "ContactPersonCreate", updateInput: "ContactPersonUpdate",
    fields: [
      { name: "name", type: "text", required: true },
      { name: "role", type: "text" },
      { name: "email", type: "email" },
      { name: "phone", type: "tel" },
    ],
    read: "role email phone",
  },
  area: {
    list: "areas", filter: "NameFilter", type: "Area", create: "createArea", update: "updateArea",
    createInput: "AreaCreate", updateInput: "AreaUpdate",
    fields: [
      { name: "name", type: "text", required: true },
      { name: "areaType", type: "text" },
    ],
    read: "areaType",
  },
  targetGroup: {
    list: "targetGroups", filter: "NameFilter", type: "TargetGroup", create: "createTargetGroup",
    update: "updateTargetGroup", createInput: "TargetGroupCreate", updateInput: "TargetGroupUpdate",
    fields: [
      { name: "name", type: "text", required: true },
      { name: "description", type: "textarea" },
      { name: "criteria.ageBands", type: "checks", enum: "AgeBand", group: "age_band" },
      { name: "criteria.areaIds", type: "areas" },
      { name: "criteria.challenges", type: "checks", enum: "Challenge", group: "challenge" },
    ],
    read: "description memberCount criteria { ageBands areaIds challenges }",
  },
  initiative: {
    list: "initiatives", filter: "NameFilter", type: "Initiative", create: "createInitiative",
    update: "updateInitiative", createInput: "InitiativeCreate", updateInput: "InitiativeUpdate",
    fields: [
      { name: "name", type: "text", required: true },
      { name: "description", type: "textarea" },
    ],
    read: "description",
  },
  young: {
    list: "youngPeople", filter: "YoungPersonFilter", type: "YoungPerson", create: "createYoungPerson",
    update: "updateYoungPerson", createInput: "YoungPersonCreate", updateInput: "YoungPersonUpdate",
    fields: [
      { name: "pseudonym", read: "name", type: "text", required: true, pseudonym: true },
      { name: "ageBand", type: "select", enum: "AgeBand", group: "age_band", blank: true },
      { name: "birthYear", type: "number", min: 1990, max: 2030 },
      { name: "areaId", read: "area", type: "area" },
      { name: "challenges", type: "checks", enum: "Challenge", group: "challenge" },
    ],
    read: "ageBand birthYear challenges area { id }",
  },
};

/** The kind of the workspace for a node's GraphQL kind (ASSOCIATION, PERSON, ...). */
export function kindOf(nodeKind) {
  if (["ASSOCIATION", "BUSINESS", "MUNICIPAL_UNIT", "ORGANISATION"].includes(nodeKind)) return "actor";
  return { PERSON: "contact", AREA: "area", TARGET_GROUP: "targetGroup", INITIATIVE: "initiative",
    YOUNG_PERSON: "young" }[nodeKind];
}

/** Which list finds nodes of a GraphQL kind, for the picker of a tie's other end. */
export function listOf(nodeKind) {
  return KINDS[kindOf(nodeKind)];
}
