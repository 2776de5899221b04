import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can } from "./check";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { adminRole, demoSchema, guestRole, internRole } from "./fixtures";
import { checkGuardrail, checkGuardrails, guardrailPermission, validateGuardrail, type Guardrail } from "./guardrails";
import { resolvePermissions } from "./resolve";
import type { RoleDefinition } from "./types";
import { roleArb as arbitraryRole, objectRuleArb } from "./arbitraries";

const intern = { id: "r-intern", name: "Intern", permissions: resolvePermissions(internRole, demoSchema) };
const guest = { id: "r-guest", name: "Guest", permissions: resolvePermissions(guestRole, demoSchema) };
const rail = (partial: Partial<Guardrail> & Pick<Guardrail, "mode" | "action">): Guardrail => ({ id: "g", subjectId: intern.id, ...partial });

describe("checkGuardrails", () => {
  it("'Intern must never See field Address on People' holds on the seeded Intern, with the deciding field rule", () => {
    const [result] = checkGuardrails([rail({ mode: "never", action: "see", object: "person", field: "address" })], [intern, guest]);
    expect(result).toMatchObject({ holds: true, allowed: false, reason: expect.stringMatching(/Field rule on person\.address/) });
  });

  it("breaks once the Intern sees the Address field", () => {
    const seesAddress: RoleDefinition = {
      ...internRole,
      fieldRules: internRole.fieldRules.map((rule) => (rule.field === "address" ? { ...rule, canSee: true, canEdit: false } : rule)),
    };
    const result = checkGuardrail(rail({ mode: "never", action: "see", object: "person", field: "address" }), resolvePermissions(seesAddress, demoSchema));
    expect(result).toMatchObject({ holds: false, allowed: true, reason: "Field rule on person.address sets see to true" });
  });

  it("judges object, settings and action statements, each against its own role", () => {
    const results = checkGuardrails(
      [
        rail({ mode: "never", action: "see", object: "opportunity" }),
        rail({ mode: "always", action: "edit", object: "person" }),
        rail({ mode: "always", action: "EXPORT_CSV" }),
        rail({ subjectId: guest.id, mode: "never", action: "EXPORT_CSV" }),
        rail({ subjectId: guest.id, mode: "never", action: "ROLES" }),
        rail({ subjectId: guest.id, mode: "always", action: "edit", object: "company" }),
      ],
      [intern, guest],
    );
    expect(results.map((result) => result.holds)).toEqual([true, true, true, true, true, false]);
    expect(results[5].reason).toBe("Baseline for all objects sets edit to false");
    expect(results[2].reason).toBe("The role grants the EXPORT_CSV action");
  });

  it("reports broken what it cannot judge: an unknown role or a malformed statement", () => {
    const [unknownRole, malformed] = checkGuardrails(
      [rail({ subjectId: "nope", mode: "never", action: "EXPORT_CSV" }), rail({ mode: "never", action: "delete", object: "person", field: "email" })],
      [intern],
    );
    expect(unknownRole).toMatchObject({ holds: false, reason: "Unknown role" });
    expect(malformed.holds).toBe(false);
  });

  it("an Admin holds every 'always' and breaks every 'never'", () => {
    const admin = resolvePermissions(adminRole, demoSchema);
    expect(checkGuardrail(rail({ mode: "never", action: "SEND_EMAIL" }), admin)).toMatchObject({ holds: false, reason: "The Admin role has full access" });
    expect(checkGuardrail(rail({ mode: "always", action: "destroy", object: "task" }), admin).holds).toBe(true);
  });
});

describe("validateGuardrail", () => {
  it.each([
    [{ mode: "never", action: "see", object: "person", field: "address" }, null],
    [{ mode: "never", action: "EXPORT_CSV" }, null],
    [{ mode: "always", action: "ROLES" }, null],
    [{ mode: "never", action: "fly", object: "person" }, "UNKNOWN_ACTION"],
    [{ mode: "never", action: "see", object: "unicorn" }, "UNKNOWN_OBJECT"],
    [{ mode: "never", action: "see", object: "person", field: "shoeSize" }, "UNKNOWN_FIELD"],
    [{ mode: "never", action: "see", object: "person", field: "name" }, "FIELD_NOT_RESTRICTABLE"],
    [{ mode: "never", action: "destroy", object: "person", field: "email" }, "VALIDATION_FAILED"],
    [{ mode: "never", action: "EXPORT_CSV", object: "person" }, "VALIDATION_FAILED"],
    [{ mode: "sometimes", action: "EXPORT_CSV" }, "VALIDATION_FAILED"],
  ] as const)("%o → %s", (guardrail, issue) => {
    expect(validateGuardrail(guardrail as never, demoSchema)).toBe(issue);
  });
});

describe("properties", () => {
  const overrideArb = fc.constantFrom(true, false, null);
  const roleArb: fc.Arbitrary<RoleDefinition> = arbitraryRole({
    isAdmin: fc.boolean(),
    objectRule: objectRuleArb(fc.constantFrom("person", "company", "task"), overrideArb, ["see", "edit"]),
    fieldRule: fc.record({ object: fc.constant("person"), field: fc.constantFrom("email", "address", "phone"), canSee: overrideArb, canEdit: overrideArb }),
    fieldRuleKey: (rule) => rule.field,
    settings: SETTINGS_PERMISSIONS,
    actions: ACTION_PERMISSIONS,
  });
  const statementArb = fc.oneof(
    fc.record({ action: fc.constantFrom(...OBJECT_ACTIONS), object: fc.constantFrom("person", "company", "task") }),
    fc.record({ action: fc.constantFrom("see", "edit"), object: fc.constant("person"), field: fc.constantFrom("email", "address", "phone") }),
    fc.record({ action: fc.constantFrom(...SETTINGS_PERMISSIONS, ...ACTION_PERMISSIONS) }),
  );

  it("'always X' and 'never X' are exactly opposite, 'always' agrees with the engine's can, and the reason is explain's", () => {
    fc.assert(
      fc.property(roleArb, statementArb, (role, statement) => {
        const perms = resolvePermissions(role, demoSchema);
        const always = checkGuardrail(rail({ ...statement, mode: "always" }), perms);
        const never = checkGuardrail(rail({ ...statement, mode: "never" }), perms);
        expect(always.holds).toBe(!never.holds);
        expect(always.reason).toBe(never.reason);
        const permission = guardrailPermission(statement)!;
        if (permission.kind === "object" || permission.kind === "field") {
          expect(always.holds).toBe(can(perms, permission.action, permission.object, permission.kind === "field" ? permission.field : undefined));
        }
      }),
      { numRuns: 300 },
    );
  });
});
