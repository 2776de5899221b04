/**
 * Property-based tests: the invariants the rest of the product relies on, over random schemas,
 * random role definitions and random records. Names are drawn from small pools (including
 * Object.prototype member names) so that rules often hit, sometimes miss, and lookups are
 * exercised against prototype confusion.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can, editableFields, visibleFields } from "./check";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { explain } from "./explain";
import { maskRecord, maskRecords } from "./mask";
import { resolvePermissions } from "./resolve";
import type {
  FieldRule,
  ObjectAction,
  ObjectRule,
  PermissionSource,
  RoleDefinition,
  SchemaField,
  SchemaObject,
  WorkspaceSchema,
} from "./types";
import { validateRoleDefinition } from "./validate";
import { roleArb as arbitraryRole } from "./arbitraries";
import { BASELINE_SWITCHES, RULE_SWITCHES } from "./model";
import { checkWrite } from "./write";

const OBJECT_NAMES = ["person", "company", "deal", "constructor"];
const FIELD_NAMES = ["id", "name", "email", "status", "amount", "toString", "createdAt"];

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const fieldArb: fc.Arbitrary<SchemaField> = fc.record({
  name: fc.constantFrom(...FIELD_NAMES),
  isLabel: fc.boolean(),
  isSystem: fc.boolean(),
});

const objectArb = (name: string): fc.Arbitrary<SchemaObject> =>
  fc
    .uniqueArray(fieldArb, { selector: (field) => field.name, maxLength: FIELD_NAMES.length })
    .map((fields) => ({ name, fields }));

const schemaArb: fc.Arbitrary<WorkspaceSchema> = fc
  .uniqueArray(fc.constantFrom(...OBJECT_NAMES), { minLength: 1 })
  .chain((names) => fc.tuple(...names.map(objectArb)))
  .map((objects) => ({ objects }));

const overrideArb = fc.constantFrom(true, false, null, undefined);

const objectRuleArb: fc.Arbitrary<ObjectRule> = fc.record({
  object: fc.constantFrom(...OBJECT_NAMES, "ghost"),
  canSee: overrideArb,
  canCreate: overrideArb,
  canEdit: overrideArb,
  canDelete: overrideArb,
  canDestroy: overrideArb,
});

const fieldRuleArb: fc.Arbitrary<FieldRule> = fc.record({
  object: fc.constantFrom(...OBJECT_NAMES, "ghost"),
  field: fc.constantFrom(...FIELD_NAMES, "ghost"),
  canSee: overrideArb,
  canEdit: overrideArb,
});

/** Unique rules per target: duplicates are a validation error whose resolution is tested apart. */
const roleArb: fc.Arbitrary<RoleDefinition> = arbitraryRole({
  isAdmin: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 9, arbitrary: fc.constant(false) }),
  objectRule: objectRuleArb,
  fieldRule: fieldRuleArb,
  maxFieldRules: 12,
  settings: SETTINGS_PERMISSIONS,
  actions: ACTION_PERMISSIONS,
});

const recordArb = fc.dictionary(fc.constantFrom(...FIELD_NAMES, "ghost", "secret"), fc.jsonValue(), {
  maxKeys: 10,
});

// ---------------------------------------------------------------------------------------------
// Reference model: the rules of SPEC §2.4 written as plainly as possible, independently of the
// engine's data layout.
// ---------------------------------------------------------------------------------------------

interface Expected {
  value: boolean;
  source: PermissionSource;
}

// Only the key names come from the model; the rules below are written apart from the engine.
const RULE_KEY = RULE_SWITCHES;
const BASELINE_KEY = BASELINE_SWITCHES;

function expectedObject(role: RoleDefinition, object: string, action: ObjectAction): Expected {
  if (role.isAdmin) return { value: true, source: "admin" };
  const rule = role.objectRules.find((candidate) => candidate.object === object);
  const mostSpecific = (a: ObjectAction): Expected => {
    const override = rule?.[RULE_KEY[a]];
    return override != null ? { value: override, source: "objectRule" } : { value: role[BASELINE_KEY[a]], source: "baseline" };
  };
  const see = mostSpecific("see");
  const value = mostSpecific(action);
  if (action !== "see" && value.value && !see.value) return { value: false, source: "fixed" };
  return value;
}

type FieldAction = "see" | "create" | "edit";
const FIELD_ACTIONS: readonly FieldAction[] = ["see", "create", "edit"];

function expectedField(role: RoleDefinition, object: string, field: SchemaField, action: FieldAction): Expected {
  const isSystem = field.isSystem === true;
  if (role.isAdmin) return isSystem && action !== "see" ? { value: false, source: "fixed" } : { value: true, source: "admin" };
  const objectSee = expectedObject(role, object, "see");
  if (!objectSee.value) return { value: false, source: "fixed" };
  if (isSystem) return { value: action === "see", source: "fixed" };
  if (field.isLabel) return action === "see" ? { value: true, source: "fixed" } : expectedObject(role, object, action);

  const rule = role.fieldRules.find((candidate) => candidate.object === object && candidate.field === field.name);
  const see: Expected = rule?.canSee != null ? { value: rule.canSee, source: "fieldRule" } : objectSee;
  if (action === "see") return see;
  if (action === "create") {
    // A field rule only takes create away (hidden or read-only); the object's create decides.
    const objectCreate = expectedObject(role, object, "create");
    if (objectCreate.value && (!see.value || rule?.canEdit === false)) return { value: false, source: "fieldRule" };
    return objectCreate;
  }
  const edit: Expected = rule?.canEdit != null ? { value: rule.canEdit, source: "fieldRule" } : expectedObject(role, object, "edit");
  return edit.value && !see.value ? { value: false, source: "fieldRule" } : edit;
}

/** Effective values with no clamp at all: what a definition "says" if it is consistent. */
function unclampedObject(role: RoleDefinition, object: string, action: ObjectAction): boolean {
  const rule = role.objectRules.find((candidate) => candidate.object === object);
  return rule?.[RULE_KEY[action]] ?? role[BASELINE_KEY[action]];
}

function unclampedField(role: RoleDefinition, object: string, field: SchemaField, action: FieldAction): boolean {
  if (field.isSystem) return action === "see" && unclampedObject(role, object, "see");
  if (field.isLabel) return unclampedObject(role, object, action);
  const rule = role.fieldRules.find((candidate) => candidate.object === object && candidate.field === field.name);
  if (action === "create") {
    const see = rule?.canSee ?? unclampedObject(role, object, "see");
    return unclampedObject(role, object, "create") && see && rule?.canEdit !== false;
  }
  return (action === "see" ? rule?.canSee : rule?.canEdit) ?? unclampedObject(role, object, action);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const RUNS = { numRuns: 300 };

// Hundreds of random definitions per property: seconds of CPU, more on a loaded machine.
describe("properties", { timeout: 30_000 }, () => {
  it("(1) inheritance: each value is the most specific non-null setting, subject to clamps", () => {
    fc.assert(
      fc.property(schemaArb, roleArb, (schema, role) => {
        const perms = resolvePermissions(role, schema);
        for (const object of schema.objects) {
          const view = perms.objects[object.name];
          for (const action of OBJECT_ACTIONS) {
            expect(view[action]).toEqual(expectedObject(role, object.name, action));
            expect(can(perms, action, object.name)).toBe(view[action].value);
          }
          for (const field of object.fields) {
            for (const action of FIELD_ACTIONS) {
              expect(view.fields[field.name][action]).toEqual(expectedField(role, object.name, field, action));
              expect(can(perms, action, object.name, field.name)).toBe(view.fields[field.name][action].value);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("(2a) no create or edit without see, at object and field level", () => {
    fc.assert(
      fc.property(schemaArb, roleArb, (schema, role) => {
        const perms = resolvePermissions(role, schema);
        for (const object of schema.objects) {
          const seesObject = can(perms, "see", object.name);
          for (const action of ["create", "edit", "delete", "destroy"] as const) {
            if (can(perms, action, object.name)) expect(seesObject).toBe(true);
          }
          for (const field of object.fields) {
            if (can(perms, "edit", object.name, field.name)) expect(can(perms, "see", object.name, field.name)).toBe(true);
            if (can(perms, "create", object.name, field.name)) {
              expect(can(perms, "see", object.name, field.name)).toBe(true);
              expect(can(perms, "create", object.name)).toBe(true);
            }
            if (can(perms, "see", object.name, field.name)) expect(seesObject).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("(2b) a definition that validation accepts never needs the clamp", () => {
    fc.assert(
      fc.property(schemaArb, roleArb, (schema, role) => {
        fc.pre(!role.isAdmin && validateRoleDefinition(role, schema).length === 0);
        const perms = resolvePermissions(role, schema);
        for (const object of schema.objects) {
          for (const action of OBJECT_ACTIONS) {
            expect(can(perms, action, object.name)).toBe(unclampedObject(role, object.name, action));
          }
          for (const field of object.fields) {
            for (const action of FIELD_ACTIONS) {
              expect(can(perms, action, object.name, field.name)).toBe(unclampedField(role, object.name, field, action));
            }
          }
        }
      }),
      { numRuns: 300, maxSkipsPerRun: 1000 },
    );
  });

  it("(3) a hidden field never appears in a masked record", () => {
    fc.assert(
      fc.property(schemaArb, roleArb, fc.array(recordArb, { maxLength: 4 }), (schema, role, records) => {
        const perms = resolvePermissions(role, schema);
        for (const object of [...schema.objects.map((candidate) => candidate.name), "ghost"]) {
          const maskedList = maskRecords(perms, object, records);
          for (const [index, record] of records.entries()) {
            const masked = maskRecord(perms, object, record);
            expect(maskedList === null ? null : maskedList[index]).toEqual(masked);
            if (masked === null) {
              expect(can(perms, "see", object)).toBe(false);
              continue;
            }
            for (const key of Object.keys(masked)) {
              expect(can(perms, "see", object, key)).toBe(true);
              expect(masked[key]).toBe(record[key]);
            }
            // Nothing visible is lost either.
            const expectedKeys = visibleFields(perms, object).filter((field) => Object.hasOwn(record, field));
            expect(Object.keys(masked)).toEqual(expectedKeys);
          }
        }
      }),
      RUNS,
    );
  });

  it("(4) checkWrite ok ⇒ every written field is editable (and the converse)", () => {
    fc.assert(
      fc.property(schemaArb, roleArb, recordArb, fc.constantFrom("create", "update"), (schema, role, values, mode) => {
        const perms = resolvePermissions(role, schema);
        for (const object of schema.objects) {
          const result = checkWrite(perms, object.name, values, mode);
          // Create is its own permission (SPEC §13): never answered by edit.
          const fieldAction = mode === "create" ? "create" : "edit";
          const allEditable = Object.keys(values).every((field) => can(perms, fieldAction, object.name, field));
          const objectWritable =
            mode === "create" ? can(perms, "create", object.name) : editableFields(perms, object.name).length > 0;
          if (result.ok) {
            expect(allEditable).toBe(true);
            expect(can(perms, "see", object.name)).toBe(true);
          } else if (result.field !== undefined) {
            expect(can(perms, fieldAction, object.name, result.field)).toBe(false);
          }
          if (!result.ok && mode === "create" && result.code === "OBJECT_NOT_CREATABLE") {
            expect(can(perms, "create", object.name)).toBe(false);
          }
          expect(result.ok).toBe(can(perms, "see", object.name) && objectWritable && allEditable);
        }
      }),
      RUNS,
    );
  });

  it("explain agrees with can for every query", () => {
    fc.assert(
      fc.property(schemaArb, roleArb, (schema, role) => {
        const perms = resolvePermissions(role, schema);
        for (const object of [...OBJECT_NAMES, "ghost"]) {
          for (const action of OBJECT_ACTIONS) {
            expect(explain(perms, { kind: "object", action, object }).allowed).toBe(can(perms, action, object));
            for (const field of [...FIELD_NAMES, "ghost"]) {
              const explanation = explain(perms, { kind: "object", action, object, field });
              expect(explanation.allowed).toBe(can(perms, action, object, field));
              expect(explanation.reason.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
