/**
 * Several grants (SPEC §17), by property over random roles with object, field and record-level
 * rules and random records: the union is commutative and idempotent, a principal without sets
 * resolves exactly as before, removing a set never adds a permission, `explain` names a grant that
 * really grants it, and authority over a union is sound record by record (what "within" accepts,
 * some grant of the actor allows on every record the role allows it on).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exceedingPermissions } from "./authority";
import { can } from "./check";
import { ACTION_PERMISSIONS, FIELD_ACTIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { explain } from "./explain";
import { demoSchema, guestRole, internRole, memberRole, salesRepRole, supportRole } from "./fixtures";
import { checkRecordWrite, combineGrants, mayDeleteRecord, partsOf } from "./grants";
import { baselineArb } from "./arbitraries";
import { evaluatePredicate, recordRulePredicate, type StoredRecordRule } from "./record-rule";
import { resolvePermissions } from "./resolve";
import { recordSight } from "./sight";
import type { EffectivePermissions, GrantPart, ObjectRule, RoleDefinition } from "./types";

const resolve = (role: RoleDefinition) => resolvePermissions(role, demoSchema);
const part = (role: RoleDefinition, name: string, kind: "role" | "set" = "set"): GrantPart => ({ grant: { kind, id: name, name }, permissions: resolve(role) });
const union = (...parts: GrantPart[]) => combineGrants(parts, demoSchema);

const ME = "member-me";
const OTHER = "member-other";
const OBJECTS = ["person", "company", "opportunity"] as const;
const FIELDS: Record<(typeof OBJECTS)[number], string[]> = {
  person: ["name", "email", "address", "city", "ownerId"],
  company: ["name", "domain", "ownerId"],
  opportunity: ["name", "amount", "stage", "ownerId"],
};

// ---------------------------------------------------------------------------------------------
// Arbitraries: roles with record-level rules, and records to judge them on.
// ---------------------------------------------------------------------------------------------

const ruleArb: fc.Arbitrary<StoredRecordRule | null> = fc.constantFrom<StoredRecordRule | null>(
  null,
  { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] },
  { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: OTHER }] },
  { mode: "match", join: "any", conditions: [{ field: "ownerId", operator: "isEmpty" }, { field: "ownerId", operator: "eq", value: { me: true } }] },
);
const override = fc.constantFrom(true, false, null, null);
const objectRuleArb: fc.Arbitrary<ObjectRule> = fc.record({
  object: fc.constantFrom(...OBJECTS),
  canSee: override,
  canCreate: override,
  canEdit: override,
  canDelete: override,
  canDestroy: override,
  recordRule: ruleArb,
});
const roleArb: fc.Arbitrary<RoleDefinition> = fc
  .record({
    baseline: baselineArb,
    objectRules: fc.uniqueArray(objectRuleArb, { selector: (rule) => rule.object, maxLength: 3 }),
    fieldRules: fc.uniqueArray(
      fc.constantFrom(...OBJECTS).chain((object) => fc.record({ object: fc.constant(object), field: fc.constantFrom(...FIELDS[object].filter((field) => field !== "name")), canSee: override, canEdit: override })),
      { selector: (rule) => `${rule.object}.${rule.field}`, maxLength: 4 },
    ),
    settingsAllAccess: fc.constant(false),
    settings: fc.subarray([...SETTINGS_PERMISSIONS]),
    actionsAllAccess: fc.constant(false),
    actions: fc.subarray([...ACTION_PERMISSIONS]),
  })
  .map(({ baseline, ...rest }) => ({ isAdmin: false, ...baseline, ...rest, assignableToMembers: true, assignableToApiKeys: true, assignableToAgents: true }));
const RECORDS = [null, ME, OTHER, "member-third"].map((ownerId, i) => ({ id: `r${i}`, name: `Record ${i}`, email: `r${i}@x.test`, address: "1 Street", city: "Lyon", domain: "x.test", amount: i * 100, stage: "NEW", ownerId }));

// ---------------------------------------------------------------------------------------------
// What a principal may do, record by record, asked of the combined permissions.
// ---------------------------------------------------------------------------------------------

/** Every answer that depends on nothing but the permissions and the record: the union's observable behaviour. */
function behaviour(perms: EffectivePermissions, memberId: string | null = ME) {
  const principal = { memberId };
  const answers: unknown[] = [];
  for (const object of OBJECTS) {
    for (const action of OBJECT_ACTIONS) answers.push(can(perms, action, object));
    for (const field of FIELDS[object]) for (const action of FIELD_ACTIONS) answers.push(can(perms, action, object, field));
    const sight = recordSight(perms, object, principal);
    for (const record of RECORDS) {
      answers.push(sight.see(record));
      for (const field of FIELDS[object]) answers.push(checkRecordWrite(perms, object, { [field]: "x" }, "update", record, principal).ok);
      answers.push(mayDeleteRecord(perms, object, "delete", record, principal));
    }
  }
  for (const key of SETTINGS_PERMISSIONS) answers.push(perms.settings[key].value);
  for (const key of ACTION_PERMISSIONS) answers.push(perms.actions[key].value);
  return answers;
}

/** `perms` allows on `record` at least what `smaller` does (Me is each one's own principal). */
function atLeast(perms: EffectivePermissions, smaller: EffectivePermissions) {
  const [a, b] = [behaviour(perms), behaviour(smaller)];
  for (let i = 0; i < a.length; i++) {
    if (b[i] === true) expect(a[i]).toBe(true);
    if (b[i] && typeof b[i] === "object") expect(a[i]).toEqual(expect.objectContaining(b[i] as object));
  }
}

describe("several grants: the union", () => {
  it("is the role itself when there is no set", () => {
    fc.assert(
      fc.property(roleArb, (role) => {
        const one = part(role, "Role", "role");
        expect(union(one)).toBe(one.permissions);
      }),
      { numRuns: 100 },
    );
  });

  it("is commutative and idempotent", () => {
    fc.assert(
      fc.property(roleArb, roleArb, roleArb, (role, a, b) => {
        const [r, sa, sb] = [part(role, "Role", "role"), part(a, "A"), part(b, "B")];
        expect(behaviour(union(r, sa, sb))).toEqual(behaviour(union(r, sb, sa)));
        expect(behaviour(union(r, sa, sa))).toEqual(behaviour(union(r, sa)));
        expect(behaviour(union(r, r))).toEqual(behaviour(r.permissions));
      }),
      { numRuns: 150 },
    );
  });

  it("only adds: removing a set never adds a permission, and each grant's answers remain", () => {
    fc.assert(
      fc.property(roleArb, roleArb, roleArb, (role, a, b) => {
        const [r, sa, sb] = [part(role, "Role", "role"), part(a, "A"), part(b, "B")];
        const all = union(r, sa, sb);
        atLeast(all, union(r, sa));
        atLeast(union(r, sa), r.permissions);
        atLeast(all, sb.permissions);
      }),
      { numRuns: 150 },
    );
  });

  it("never more than its grants: what it shows or lets write on a record, one grant shows or lets write on it", () => {
    fc.assert(
      fc.property(roleArb, roleArb, roleArb, (role, a, b) => {
        const grants = [part(role, "Role", "role"), part(a, "A"), part(b, "B")];
        const perms = union(...grants);
        for (const object of OBJECTS) {
          const sight = recordSight(perms, object, { memberId: ME });
          for (const record of RECORDS) {
            const shown = sight.see(record);
            const alone = grants.map((grant) => recordSight(grant.permissions, object, { memberId: ME }).see(record));
            for (const field of Object.keys(shown ?? {})) expect(alone.some((one) => one !== null && field in one), `${object}.${field} on ${record.id}`).toBe(true);
            for (const field of FIELDS[object]) {
              if (checkRecordWrite(perms, object, { [field]: "x" }, "update", record, { memberId: ME }).ok) {
                expect(grants.some((grant) => checkRecordWrite(grant.permissions, object, { [field]: "x" }, "update", record, { memberId: ME }).ok)).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("shows a field on a record only through a grant that reaches that record", () => {
    // The role sees every deal but not its Amount; the set shows Amount on the deals one owns.
    const role = part({ ...guestRole, fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }] }, "Guest", "role");
    const own: RoleDefinition = { ...guestRole, objectRules: [{ object: "opportunity", canSee: true, canEdit: true, recordRule: { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] } }] };
    const perms = union(role, part(own, "My deals"));
    const sight = recordSight(perms, "opportunity", { memberId: ME });
    expect(sight.uniform).toBe(false);
    expect(sight.see(RECORDS[1])).toHaveProperty("amount", 100);
    expect(sight.see(RECORDS[2])).not.toHaveProperty("amount");
    expect(sight.see(RECORDS[2])).toHaveProperty("name");
    // Editing follows the same rule: the set edits only the holder's own deals.
    expect(checkRecordWrite(perms, "opportunity", { name: "x" }, "update", RECORDS[1], { memberId: ME }).ok).toBe(true);
    expect(checkRecordWrite(perms, "opportunity", { name: "x" }, "update", RECORDS[2], { memberId: ME })).toEqual({ ok: false, code: "RECORD_RULE" });
    expect(can(perms, "edit", "opportunity")).toBe(true); // on some record
    expect(perms.objects.opportunity.recordsByAction?.edit?.rule).toEqual(own.objectRules[0].recordRule);
    expect(perms.objects.opportunity.records.rule).toEqual({ mode: "all" });
  });

  it("names the grant of every value, and explain names one that really grants it", () => {
    fc.assert(
      fc.property(roleArb, roleArb, roleArb, (role, a, b) => {
        const grants = [part(role, "Role", "role"), part(a, "A"), part(b, "B")];
        const perms = union(...grants);
        for (const object of OBJECTS) {
          for (const action of OBJECT_ACTIONS) {
            const answer = explain(perms, { kind: "object", action, object });
            expect(answer.allowed).toBe(can(perms, action, object));
            expect(answer.consulted).toEqual(grants.map((grant) => grant.grant));
            if (answer.allowed) {
              const deciding = grants.find((grant) => grant.grant.id === answer.grant?.id)!;
              expect(explain(deciding.permissions, { kind: "object", action, object }).allowed).toBe(true);
              expect(perms.objects[object][action].grant).toEqual(answer.grant);
            } else {
              for (const grant of grants) expect(answer.reason).toContain(grant.grant.name);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("several grants: authority", () => {
  /** Does `perms` allow this atomic permission on this record (Me = `memberId`)? Any grant that reaches it. */
  function allowsOn(perms: EffectivePermissions, object: string, action: string, field: string | undefined, record: Record<string, unknown>, memberId: string | null) {
    return partsOf(perms).some((grant) => {
      const reaches = can(grant, "see", object) && evaluatePredicate(recordRulePredicate(grant.objects[object].records.rule, { memberId }), record);
      return reaches && can(grant, action as never, object, field);
    });
  }

  it("is sound over unions: what is within, the actor's grants allow on every record, for every holder", () => {
    fc.assert(
      fc.property(fc.array(roleArb, { minLength: 1, maxLength: 3 }), fc.array(roleArb, { minLength: 1, maxLength: 3 }), (roleDefs, actorDefs) => {
        const role = union(...roleDefs.map((def, i) => part(def, `R${i}`, i === 0 ? "role" : "set")));
        const actor = union(...actorDefs.map((def, i) => part(def, `A${i}`, i === 0 ? "role" : "set")));
        if (exceedingPermissions(role, actor, ME).length > 0) return;
        for (const holder of [ME, OTHER]) {
          for (const object of OBJECTS) {
            for (const record of RECORDS) {
              for (const action of OBJECT_ACTIONS) {
                if (allowsOn(role, object, action, undefined, record, holder)) expect(allowsOn(actor, object, action, undefined, record, ME), `${action} ${object} ${record.id} for ${holder}`).toBe(true);
              }
              for (const field of FIELDS[object]) {
                for (const action of FIELD_ACTIONS) {
                  if (allowsOn(role, object, action, field, record, holder)) expect(allowsOn(actor, object, action, field, record, ME), `${action} ${object}.${field} ${record.id}`).toBe(true);
                }
              }
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("does not add up a grant that sees all deals and one that edits one's own into editing all", () => {
    const seesAll = part(guestRole, "Guest", "role");
    const editsOwn = part(salesRepRole, "Sales rep");
    const actor = union(seesAll, editsOwn);
    const editsAll = resolve({ ...guestRole, objectRules: [{ object: "opportunity", canEdit: true }] });
    expect(exceedingPermissions(editsAll, actor, ME)).toContainEqual({ kind: "object", action: "edit", object: "opportunity" });
    // A single grant the actor holds is within (Guest), and so are both together with the actor's Me.
    expect(exceedingPermissions(resolve(guestRole), actor, ME)).toEqual([]);
  });

  it("accepts what the union covers grant by grant: Intern (People) with Support (Stage of Opportunities)", () => {
    const actor = union(part(internRole, "Intern", "role"), part(supportRole, "Support"));
    expect(exceedingPermissions(resolve(internRole), actor, ME)).toEqual([]);
    expect(exceedingPermissions(resolve(supportRole), actor, ME)).toEqual([]);
    expect(exceedingPermissions(resolve(memberRole), actor, ME).length).toBeGreaterThan(0);
  });
});
