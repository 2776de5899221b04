/**
 * The demo schema and built-in roles for tests and benchmarks, taken from their sources: the
 * standard objects every workspace starts with (lib/metadata/standard-objects.ts) and the roles
 * the seed creates (lib/roles/built-in.ts), so a test never checks a hand copy that drifted.
 * Deeply frozen: a test that mutates a shared fixture would silently break the others.
 */
import { FIELD_TYPES, RULE_VALUE_TYPE, STANDARD_OBJECTS, SYSTEM_FIELDS, type FieldType, type StandardField } from "@/lib/metadata/standard-objects";
import { ADMIN_ROLE, GUEST_ROLE, INTERN_ROLE, MEMBER_ROLE, SALES_REP_ROLE, SUPPORT_ROLE } from "@/lib/roles/built-in";
import { draftToDefinition, seedToRole, type RoleSeed } from "./model";
import type { RoleDefinition, SchemaField, WorkspaceSchema } from "./types";

/** As lib/metadata/schema.ts reads a field row; unknown types read as text. */
function schemaField(field: StandardField): SchemaField {
  const type = (FIELD_TYPES as readonly string[]).includes(field.type) ? field.type : ("TEXT" satisfies FieldType);
  return { name: field.name, isLabel: field.isLabel ?? false, isSystem: field.isSystem ?? false, type: RULE_VALUE_TYPE[type] };
}

/** The standard objects as a new workspace has them: id, the object's fields, then the timestamps (prisma/factories.ts). */
export const demoSchema: WorkspaceSchema = deepFreeze({
  objects: STANDARD_OBJECTS.map((object) => ({
    name: object.nameSingular,
    fields: [SYSTEM_FIELDS[0], ...object.fields, ...SYSTEM_FIELDS.slice(1)].map(schemaField),
  })),
});

/** A built-in role as the engine receives it once the seed stored it. */
export function definitionFromSeed(seed: RoleSeed): RoleDefinition {
  const role = seedToRole(seed);
  return draftToDefinition(role, role.isAdmin);
}

export const adminRole = deepFreeze(definitionFromSeed(ADMIN_ROLE));
/** The default role of a new workspace: See/Create/Edit/Delete on all objects, all actions, no settings. */
export const memberRole = deepFreeze(definitionFromSeed(MEMBER_ROLE));
/** See on all objects, nothing else. */
export const guestRole = deepFreeze(definitionFromSeed(GUEST_ROLE));
/** The guide's example: no Opportunities, creates and edits People, Email read-only, no Address, exports CSV. */
export const internRole = deepFreeze(definitionFromSeed(INTERN_ROLE));
/** SPEC §13: read-only everywhere but the Stage of Opportunities. */
export const supportRole = deepFreeze(definitionFromSeed(SUPPORT_ROLE));
/** SPEC §13: People and Companies read-only, only their own Opportunities. */
export const salesRepRole = deepFreeze(definitionFromSeed(SALES_REP_ROLE));

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The person object's fields in schema order, written out: the tests that list fields compare with it. */
export const PERSON_FIELDS_IN_ORDER = ["id", "name", "email", "phone", "address", "city", "jobTitle", "companyId", "ownerId", "createdAt", "updatedAt"] as const;
