/**
 * The demo schema and built-in roles (SPEC §2.2–2.3, §2.7, §10), for tests, benchmarks and the
 * seed. Deeply frozen: a test that mutates a shared fixture would silently break the others.
 */
import { ACTION_PERMISSIONS, SETTINGS_PERMISSIONS } from "./constants";
import type { RoleDefinition, SchemaField, SchemaObject, WorkspaceSchema } from "./types";

const SYSTEM_FIELDS: readonly SchemaField[] = [
  { name: "createdAt", isSystem: true },
  { name: "updatedAt", isSystem: true },
  { name: "deletedAt", isSystem: true },
];

/** Every object starts with `id`, then its label field, then its own fields, then timestamps. */
function demoObject(name: string, labelField: string, ownFields: readonly string[]): SchemaObject {
  return {
    name,
    fields: [
      { name: "id", isSystem: true },
      { name: labelField, isLabel: true },
      ...ownFields.map((field) => ({ name: field })),
      ...SYSTEM_FIELDS,
    ],
  };
}

export const demoSchema: WorkspaceSchema = deepFreeze({
  objects: [
    demoObject("person", "name", ["email", "phone", "address", "city", "jobTitle", "companyId"]),
    demoObject("company", "name", ["domain", "employees", "address"]),
    demoObject("opportunity", "name", ["amount", "stage", "closeDate", "companyId"]),
    demoObject("note", "title", ["body"]),
    demoObject("task", "title", ["body", "dueAt", "status"]),
  ],
});

const NO_RULES = { objectRules: [], fieldRules: [] } as const;
const ASSIGNABLE_TO_ALL = { member: true, apiKey: true, agent: true } as const;

export const adminRole: RoleDefinition = deepFreeze({
  isAdmin: true,
  canSeeAllObjects: true,
  canCreateAllObjects: true,
  canEditAllObjects: true,
  canDeleteAllObjects: true,
  canDestroyAllObjects: true,
  ...NO_RULES,
  settingsAllAccess: true,
  settings: [...SETTINGS_PERMISSIONS],
  actionsAllAccess: true,
  actions: [...ACTION_PERMISSIONS],
  assignableTo: { member: true, apiKey: true, agent: false },
});

/**
 * The default role of a new workspace: See/Create/Edit/Delete on all objects, all actions, no
 * settings (SPEC §2.7 predates Create, which a role that could edit keeps).
 */
export const memberRole: RoleDefinition = deepFreeze({
  isAdmin: false,
  canSeeAllObjects: true,
  canCreateAllObjects: true,
  canEditAllObjects: true,
  canDeleteAllObjects: true,
  canDestroyAllObjects: false,
  ...NO_RULES,
  settingsAllAccess: false,
  settings: [],
  actionsAllAccess: true,
  actions: [],
  assignableTo: ASSIGNABLE_TO_ALL,
});

/** See on all objects, nothing else. */
export const guestRole: RoleDefinition = deepFreeze({
  isAdmin: false,
  canSeeAllObjects: true,
  canCreateAllObjects: false,
  canEditAllObjects: false,
  canDeleteAllObjects: false,
  canDestroyAllObjects: false,
  ...NO_RULES,
  settingsAllAccess: false,
  settings: [],
  actionsAllAccess: false,
  actions: [],
  assignableTo: ASSIGNABLE_TO_ALL,
});

/**
 * The guide's example: sees everything but Opportunities, creates and edits People only, sees a person's
 * Email without editing it, never sees a person's Address; may export CSV, nothing else.
 */
export const internRole: RoleDefinition = deepFreeze({
  isAdmin: false,
  canSeeAllObjects: true,
  canCreateAllObjects: false,
  canEditAllObjects: false,
  canDeleteAllObjects: false,
  canDestroyAllObjects: false,
  objectRules: [
    { object: "opportunity", canSee: false },
    { object: "person", canCreate: true, canEdit: true },
  ],
  fieldRules: [
    { object: "person", field: "email", canSee: true, canEdit: false }, // "See field"
    { object: "person", field: "address", canSee: false, canEdit: false }, // "No access"
  ],
  settingsAllAccess: false,
  settings: [],
  actionsAllAccess: false,
  actions: ["EXPORT_CSV"],
  assignableTo: ASSIGNABLE_TO_ALL,
});

/**
 * SPEC §13: sees every object, creates, edits, deletes nothing, except the Stage of
 * Opportunities: a field rule granting Edit on an otherwise read-only object.
 */
export const supportRole: RoleDefinition = deepFreeze({
  isAdmin: false,
  canSeeAllObjects: true,
  canCreateAllObjects: false,
  canEditAllObjects: false,
  canDeleteAllObjects: false,
  canDestroyAllObjects: false,
  objectRules: [],
  fieldRules: [{ object: "opportunity", field: "stage", canSee: true, canEdit: true }], // "Edit field"
  settingsAllAccess: false,
  settings: [],
  actionsAllAccess: false,
  actions: [],
  assignableTo: ASSIGNABLE_TO_ALL,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
