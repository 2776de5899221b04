import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exceedingPermissions, isWithinAuthority } from "./authority";
import { can, canAction, canSetting } from "./check";
import { ACTION_PERMISSIONS, FIELD_ACTIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { adminRole, demoSchema, guestRole, internRole, memberRole } from "./fixtures";
import { resolvePermissions } from "./resolve";
import type { EffectivePermissions, RoleDefinition } from "./types";
import { roleArb as arbitraryRole, objectRuleArb } from "./arbitraries";

const resolve = (role: RoleDefinition) => resolvePermissions(role, demoSchema);
const [admin, member, guest, intern] = [adminRole, memberRole, guestRole, internRole].map(resolve);

describe("exceedingPermissions", () => {
  it("lets an Admin grant anything", () => {
    expect(exceedingPermissions(admin, admin, null)).toEqual([]);
    expect(exceedingPermissions(member, admin, null)).toEqual([]);
  });

  it("never lets a non-Admin grant the Admin role, whatever else they hold", () => {
    const everything = resolve({ ...adminRole, isAdmin: false });
    expect(exceedingPermissions(admin, everything, null)).toEqual([{ kind: "admin" }]);
  });

  it("names each object, field, settings and action permission beyond the actor's", () => {
    const rolesOnly = resolve({ ...guestRole, settings: ["ROLES"] });
    expect(exceedingPermissions(intern, rolesOnly, null)).toEqual([
      { kind: "object", action: "create", object: "person" },
      { kind: "object", action: "edit", object: "person" },
      { kind: "action", key: "EXPORT_CSV" },
    ]);
    expect(exceedingPermissions(member, guest, null)[0]).toEqual({ kind: "object", action: "create", object: "person" });
  });

  it("names a field the actor cannot see, but not the fields of an object it cannot see at all", () => {
    // The Intern sees People without Address and no Opportunities at all.
    const overGuest = exceedingPermissions(guest, intern, null);
    expect(overGuest).toContainEqual({ kind: "field", action: "see", object: "person", field: "address" });
    expect(overGuest).toContainEqual({ kind: "object", action: "see", object: "opportunity" });
    expect(overGuest.filter((item) => item.kind === "field" && item.object === "opportunity")).toEqual([]);
  });

  it("names a read-only field that a role makes editable, and settable at creation", () => {
    const editsEmail = resolve({ ...internRole, fieldRules: internRole.fieldRules.filter((rule) => rule.field !== "email") });
    expect(exceedingPermissions(editsEmail, intern, null)).toEqual([
      { kind: "field", action: "create", object: "person", field: "email" },
      { kind: "field", action: "edit", object: "person", field: "email" },
    ]);
  });

  it("compares field-level Create: a role that only creates People with an email exceeds an actor whose Email is read-only", () => {
    // The field's edit stays off (no object edit), but create follows the object's create.
    const createsWithEmail = resolve({ ...guestRole, objectRules: [{ object: "person", canCreate: true }] });
    const readOnlyEmailCreator = resolve({
      ...guestRole,
      objectRules: [{ object: "person", canCreate: true }],
      fieldRules: [{ object: "person", field: "email", canSee: true, canEdit: false }],
    });
    expect(exceedingPermissions(createsWithEmail, readOnlyEmailCreator, null)).toEqual([{ kind: "field", action: "create", object: "person", field: "email" }]);
    expect(exceedingPermissions(readOnlyEmailCreator, createsWithEmail, null)).toEqual([]);
  });

  it("accepts a role that only narrows the actor's", () => {
    expect(isWithinAuthority(guest, member, null)).toBe(true);
    expect(isWithinAuthority(intern, intern, null)).toBe(true);
  });

  it("works on a JSON copy, as the browser receives it", () => {
    const copy = JSON.parse(JSON.stringify(member));
    expect(exceedingPermissions(copy, JSON.parse(JSON.stringify(guest)), null)).toEqual(exceedingPermissions(member, guest, null));
  });
});

// ---------------------------------------------------------------------------------------------
// Property: within authority ⇔ every single check the role passes, the actor passes too.
// ---------------------------------------------------------------------------------------------

const OBJECTS = demoSchema.objects.map((object) => object.name);
const FIELDS = demoSchema.objects.flatMap((object) => object.fields.map((field) => [object.name, field.name] as const));
const override = fc.constantFrom(true, false, null);

const roleArb: fc.Arbitrary<RoleDefinition> = arbitraryRole({
  isAdmin: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 12, arbitrary: fc.constant(false) }),
  objectRule: objectRuleArb(fc.constantFrom(...OBJECTS), override),
  fieldRule: fc.constantFrom(...FIELDS).chain(([object, field]) => fc.record({ object: fc.constant(object), field: fc.constant(field), canSee: override, canEdit: override })),
  maxFieldRules: 8,
  settings: SETTINGS_PERMISSIONS,
  actions: ACTION_PERMISSIONS,
});

function everyCheckImplies(role: EffectivePermissions, actor: EffectivePermissions): boolean {
  if (role.isAdmin && !actor.isAdmin) return false;
  for (const object of OBJECTS) {
    for (const action of OBJECT_ACTIONS) if (can(role, action, object) && !can(actor, action, object)) return false;
  }
  for (const [object, field] of FIELDS) {
    for (const action of FIELD_ACTIONS) if (can(role, action, object, field) && !can(actor, action, object, field)) return false;
  }
  return SETTINGS_PERMISSIONS.every((key) => !canSetting(role, key) || canSetting(actor, key)) && ACTION_PERMISSIONS.every((key) => !canAction(role, key) || canAction(actor, key));
}

describe("authority properties", () => {
  it("a role is within an actor's authority exactly when the actor passes every check the role passes", () => {
    fc.assert(
      fc.property(roleArb, roleArb, (roleDefinition, actorDefinition) => {
        const [role, actor] = [resolve(roleDefinition), resolve(actorDefinition)];
        expect(isWithinAuthority(role, actor, null)).toBe(actor.isAdmin || everyCheckImplies(role, actor));
      }),
      { numRuns: 500 },
    );
  });

  it("is reflexive and transitive", () => {
    fc.assert(
      fc.property(roleArb, roleArb, roleArb, (a, b, c) => {
        const [ra, rb, rc] = [a, b, c].map(resolve);
        expect(isWithinAuthority(ra, ra, null)).toBe(true);
        if (isWithinAuthority(ra, rb, null) && isWithinAuthority(rb, rc, null)) expect(isWithinAuthority(ra, rc, null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
