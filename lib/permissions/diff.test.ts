import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWithinAuthority } from "./authority";
import { diffPermissions, isEmptyDiff } from "./diff";
import { adminRole, demoSchema, guestRole, internRole, memberRole } from "./fixtures";
import { resolvePermissions } from "./resolve";
import type { RoleDefinition } from "./types";
import { roleArb as arbitraryRole, objectRuleArb } from "./arbitraries";

const resolve = (role: RoleDefinition) => resolvePermissions(role, demoSchema);

describe("diffPermissions", () => {
  it("lists what the Intern loses when it stops seeing People, and nothing else", () => {
    const blind = { ...internRole, objectRules: [...internRole.objectRules.filter((rule) => rule.object !== "person"), { object: "person", canSee: false }] };
    const diff = diffPermissions(resolve(internRole), resolve(blind));
    expect(diff.gains).toEqual([]);
    expect(diff.losses).toEqual([
      { kind: "object", action: "see", object: "person" },
      { kind: "object", action: "create", object: "person" },
      { kind: "object", action: "edit", object: "person" },
    ]);
  });

  it("names Admin as lost when a role stops being Admin", () => {
    expect(diffPermissions(resolve(adminRole), resolve(memberRole))).toEqual({ gains: [], losses: [{ kind: "admin" }] });
    expect(diffPermissions(resolve(memberRole), resolve(adminRole)).gains).toEqual([{ kind: "admin" }]);
  });

  it("is empty from a role to itself, and gains nothing towards a narrower role", () => {
    for (const role of [adminRole, memberRole, guestRole, internRole]) expect(isEmptyDiff(diffPermissions(resolve(role), resolve(role)))).toBe(true);
    expect(diffPermissions(resolve(memberRole), resolve(guestRole)).gains).toEqual([]);
  });
});

const override = fc.constantFrom(true, false, null);
const roleArb: fc.Arbitrary<RoleDefinition> = arbitraryRole({
  isAdmin: fc.constantFrom(false, false, false, true),
  objectRule: objectRuleArb(fc.constantFrom("person", "company", "opportunity"), override),
  fieldRule: fc.record({ object: fc.constant("person"), field: fc.constantFrom("email", "address", "city"), canSee: override, canEdit: override }),
  fieldRuleKey: (rule) => rule.field,
  settings: ["ROLES", "MEMBERS", "WORKSPACE"],
  actions: ["EXPORT_CSV", "SEND_EMAIL"],
});

describe("diffPermissions properties", () => {
  it("diff(a, a) is empty; no gains exactly when b is within a; no losses exactly when a is within b", () => {
    fc.assert(
      fc.property(roleArb, roleArb, (a, b) => {
        const [ra, rb] = [resolve(a), resolve(b)];
        expect(isEmptyDiff(diffPermissions(ra, ra))).toBe(true);
        const diff = diffPermissions(ra, rb);
        expect(diff.gains.length === 0).toBe(isWithinAuthority(rb, ra, null));
        expect(diff.losses.length === 0).toBe(isWithinAuthority(ra, rb, null));
        // Swapping the sides swaps gains and losses.
        expect(diffPermissions(rb, ra)).toEqual({ gains: diff.losses, losses: diff.gains });
      }),
      { numRuns: 400 },
    );
  });
});
