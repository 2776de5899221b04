/**
 * docs/reference.md §18: the smallest grant, for random roles (with random permission sets beside them) and
 * random refused checks. It allows the check; taking away any permission it grants refuses the
 * check again; and it gives the principal nothing beyond the permission asked for.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { objectRuleArb, overrideArb, roleArb } from "./arbitraries";
import { grantsBeyond } from "./authority";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { combineGrants } from "./grants";
import { resolvePermissions } from "./resolve";
import { allowsCheck, smallestGrant, withGrant, type RefusedCheck } from "./smallest-grant";
import type { EffectivePermissions, FieldRule, ObjectRule, RoleDefinition, WorkspaceSchema } from "./types";
import { validateRoleDefinition } from "./validate";

const schema: WorkspaceSchema = {
  objects: [
    {
      name: "person",
      fields: [
        { name: "id", isSystem: true },
        { name: "name", isLabel: true, type: "text" },
        { name: "email", type: "text" },
        { name: "status", type: "text" },
        { name: "ownerId", type: "member" },
      ],
    },
    {
      name: "deal",
      fields: [
        { name: "id", isSystem: true },
        { name: "name", isLabel: true, type: "text" },
        { name: "amount", type: "number" },
        { name: "ownerId", type: "member" },
      ],
    },
  ],
};
const OBJECTS = ["person", "deal"];
const FIELDS = ["id", "name", "email", "status", "ownerId", "amount"];

const recordRuleArb = fc.constantFrom(
  null,
  { mode: "match" as const, join: "all" as const, conditions: [{ field: "ownerId", operator: "eq" as const, value: { me: true as const } }] },
  { mode: "match" as const, join: "any" as const, conditions: [{ field: "name", operator: "eq" as const, value: "Ada" }] },
);

const ruleWithRecordsArb: fc.Arbitrary<ObjectRule> = fc.tuple(objectRuleArb(fc.constantFrom(...OBJECTS)), recordRuleArb).map(([rule, recordRule]) => (recordRule ? { ...rule, recordRule } : rule));
const fieldRuleArb: fc.Arbitrary<FieldRule> = fc.record({ object: fc.constantFrom(...OBJECTS), field: fc.constantFrom("email", "status", "ownerId", "amount"), canSee: overrideArb, canEdit: overrideArb });

const definitionArb: fc.Arbitrary<RoleDefinition> = roleArb({
  isAdmin: fc.constant(false),
  objectRule: ruleWithRecordsArb,
  fieldRule: fieldRuleArb,
  settings: SETTINGS_PERMISSIONS,
  actions: ACTION_PERMISSIONS,
}).filter((definition) => validateRoleDefinition(definition, schema).length === 0); // as every stored grant is

/** A role and up to two permission sets, combined as the principal holds them. */
const principalArb: fc.Arbitrary<EffectivePermissions> = fc.array(definitionArb, { minLength: 1, maxLength: 3 }).map((definitions) =>
  combineGrants(
    definitions.map((definition, index) => ({ grant: { kind: index === 0 ? ("role" as const) : ("set" as const), id: `g${index}`, name: `g${index}` }, permissions: resolvePermissions(definition, schema) })),
    schema,
  ),
);

const recordArb = fc.record({ name: fc.constantFrom("Ada", "Bob"), ownerId: fc.constantFrom("m1", "m2"), status: fc.constant("open"), email: fc.constant("a@b.c"), amount: fc.constant(1) });

const checkArb: fc.Arbitrary<RefusedCheck> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("object" as const), action: fc.constantFrom(...OBJECT_ACTIONS), object: fc.constantFrom(...OBJECTS), field: fc.option(fc.constantFrom(...FIELDS), { nil: undefined }), record: fc.option(recordArb, { nil: undefined }), principal: fc.constant({ memberId: "m1" }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("setting" as const), key: fc.constantFrom(...SETTINGS_PERMISSIONS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("action" as const), key: fc.constantFrom(...ACTION_PERMISSIONS) }) },
);

/** Every permission a definition grants, each taken away in turn (a see that only repeats the object's is not one). */
function withoutEachPart(definition: RoleDefinition): RoleDefinition[] {
  const variants: RoleDefinition[] = [];
  definition.settings.forEach((_, index) => variants.push({ ...definition, settings: definition.settings.filter((__, other) => other !== index) }));
  definition.actions.forEach((_, index) => variants.push({ ...definition, actions: definition.actions.filter((__, other) => other !== index) }));
  definition.objectRules.forEach((rule, index) => {
    for (const key of ["canSee", "canCreate", "canEdit", "canDelete", "canDestroy"] as const) {
      if (rule[key] !== true) continue;
      variants.push({ ...definition, objectRules: definition.objectRules.map((candidate, other) => (other === index ? { ...candidate, [key]: null } : candidate)) });
    }
  });
  definition.fieldRules.forEach((rule, index) => {
    if (rule.canEdit === true) variants.push({ ...definition, fieldRules: definition.fieldRules.map((candidate, other) => (other === index ? { ...candidate, canEdit: false } : candidate)) });
    if (rule.canSee === true && rule.canEdit !== false) variants.push({ ...definition, fieldRules: definition.fieldRules.map((candidate, other) => (other === index ? { ...candidate, canSee: false, canEdit: false } : candidate)) });
  });
  return variants;
}

describe("smallestGrant (docs/reference.md §18)", () => {
  it("allows the check, is refused without any of its parts, and gives nothing the principal holds or did not ask for", () => {
    fc.assert(
      fc.property(principalArb, checkArb, (perms, check) => {
        const grant = smallestGrant(perms, check);
        if (!grant) {
          // Nothing to ask: allowed already, or never possible (a system field written).
          const fields = check.kind === "object" ? schema.objects.find((object) => object.name === check.object)!.fields.map((field) => field.name) : [];
          const fieldless = check.kind === "object" && (check.action === "delete" || check.action === "destroy");
          const impossible = check.kind === "object" && !fieldless && check.field !== undefined && (!fields.includes(check.field) || (check.field === "id" && check.action !== "see"));
          expect(allowsCheck(perms, check) || impossible).toBe(true);
          return;
        }
        expect(allowsCheck(perms, check)).toBe(false);
        expect(validateRoleDefinition(grant.definition, schema)).toEqual([]);
        expect(allowsCheck(withGrant(perms, grant.definition, schema), check)).toBe(true);
        for (const smaller of withoutEachPart(grant.definition)) expect(allowsCheck(withGrant(perms, smaller, schema), check)).toBe(false);

        // What the principal would gain is the item asked for (with the See it implies), never more.
        const gains = grantsBeyond(resolvePermissions(grant.definition, schema), perms, "holder");
        const item = grant.item;
        expect(gains.length).toBeGreaterThan(0);
        for (const gain of gains) {
          if (item.kind === "setting" || item.kind === "action") {
            expect(gain).toEqual(item);
            continue;
          }
          expect(gain.kind === "object" || gain.kind === "field").toBe(true);
          if (gain.kind !== "object" && gain.kind !== "field") continue;
          expect(gain.object).toBe(item.object);
          if (item.kind === "object") expect([item.action, "see"]).toContain(gain.action);
          else {
            expect(gain.kind, JSON.stringify({ item, gain, check, rules: perms.grants?.map((part) => part.permissions.objects[item.object].records.rule) })).toBe("field");
            if (gain.kind === "field" && gain.field !== item.field) expect(gain.action).toBe("create");
            expect([item.action, "see"]).toContain(gain.action);
          }
        }
        // Asked for exactly once: the item is among the gains.
        const named = gains.some((gain) => JSON.stringify(gain) === JSON.stringify(item));
        // A line for See says the rest (the diff names an action on what one could not see by its See).
        const impliedSee =
          (item.kind === "object" && gains.some((gain) => gain.kind === "object" && gain.object === item.object && gain.action === "see")) ||
          (item.kind === "field" && gains.some((gain) => gain.kind === "field" && gain.object === item.object && gain.field === item.field && gain.action === "see"));
        expect(named || impliedSee).toBe(true);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("Gus, who sees every record and changes none, needs Edit records on People", () => {
    const guest = resolvePermissions({ ...baseRole(), canSeeAllObjects: true }, schema);
    const grant = smallestGrant(guest, { kind: "object", action: "edit", object: "person" });
    expect(grant?.item).toEqual({ kind: "object", action: "edit", object: "person" });
    expect(grant?.definition.objectRules).toEqual([{ object: "person", canSee: true, canCreate: null, canEdit: true, canDelete: null, canDestroy: null }]);
    expect(grant?.definition.fieldRules).toEqual([]);
    // Editing one field of a person, the same (every field of it is read-only for him).
    expect(smallestGrant(guest, { kind: "object", action: "edit", object: "person", field: "email" })?.item).toEqual({ kind: "field", action: "edit", object: "person", field: "email" });
    expect(smallestGrant(guest, { kind: "object", action: "see", object: "person" })).toBeNull();
  });

  it("copies the record-level rule of the grant that shows the record, and hides what it hides", () => {
    const rep = resolvePermissions(
      {
        ...baseRole(),
        objectRules: [{ object: "deal", canSee: true, recordRule: { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] } }],
        fieldRules: [{ object: "deal", field: "amount", canSee: false, canEdit: false }],
      },
      schema,
    );
    const grant = smallestGrant(rep, { kind: "object", action: "edit", object: "deal", record: { ownerId: "m1", name: "x" }, principal: { memberId: "m1" } });
    expect(grant?.definition.objectRules[0].recordRule).toEqual(rep.objects.deal.records.rule);
    expect(grant?.definition.fieldRules).toEqual([{ object: "deal", field: "amount", canSee: false, canEdit: false }]);
  });
});

function baseRole(): RoleDefinition {
  return {
    isAdmin: false,
    canSeeAllObjects: false,
    canCreateAllObjects: false,
    canEditAllObjects: false,
    canDeleteAllObjects: false,
    canDestroyAllObjects: false,
    settingsAllAccess: false,
    actionsAllAccess: false,
    assignableToMembers: true,
    assignableToApiKeys: true,
    assignableToAgents: true,
    objectRules: [],
    fieldRules: [],
    settings: [],
    actions: [],
  };
}
