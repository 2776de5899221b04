import { describe, expect, it } from "vitest";
import { exceedingPermissions, recordRuleWithin } from "./authority";
import { matchesRecordRule, type RecordRule, type StoredRecordRule } from "./record-rule";
import { resolvePermissions } from "./resolve";
import type { RoleDefinition, WorkspaceSchema } from "./types";
import { validateRoleDefinition } from "./validate";
import { guestRole } from "./fixtures";

const schema: WorkspaceSchema = {
  objects: [
    {
      name: "opportunity",
      fields: [
        { name: "id", isSystem: true, type: "text" },
        { name: "name", isLabel: true, type: "text" },
        { name: "amount", type: "number" },
        { name: "stage", type: "text" },
        { name: "closeDate", type: "date" },
        { name: "won", type: "boolean" },
        { name: "ownerId", type: "member" },
      ],
    },
  ],
};

const mine: StoredRecordRule = { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] };

function role(recordRule: StoredRecordRule | null, extra: Partial<RoleDefinition> = {}): RoleDefinition {
  return {
    ...guestRole,
    objectRules: [{ object: "opportunity", canEdit: true, recordRule }],
    ...extra,
  };
}

describe("record-level rules: validation", () => {
  it("accepts Owner is Me and typed conditions", () => {
    expect(validateRoleDefinition(role(mine), schema)).toEqual([]);
    const rule: RecordRule = {
      mode: "match",
      join: "any",
      conditions: [
        { field: "amount", operator: "gt", value: 1000 },
        { field: "stage", operator: "in", value: ["NEW", "MEETING"] },
        { field: "name", operator: "contains", value: "deal" },
        { field: "closeDate", operator: "lt", value: "2027-01-01" },
        { field: "won", operator: "eq", value: true },
        { field: "ownerId", operator: "isEmpty" },
      ],
    };
    expect(validateRoleDefinition(role(rule), schema)).toEqual([]);
    expect(validateRoleDefinition(role({ mode: "all" }), schema)).toEqual([]);
  });

  it("refuses conditions on hidden fields, operators that do not fit, bad values and Me off member fields", () => {
    const rule: RecordRule = {
      mode: "match",
      join: "all",
      conditions: [
        { field: "amount", operator: "eq", value: 5 },
        { field: "amount", operator: "contains", value: "5" },
        { field: "amount", operator: "gt", value: "high" },
        { field: "stage", operator: "eq", value: { me: true } },
        { field: "ownerId", operator: "in", value: [{ me: true }] as never },
        { field: "nope", operator: "eq", value: "x" },
        { field: "id", operator: "eq", value: "x" },
      ],
    };
    const hidden = role(rule, { fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }] });
    expect(validateRoleDefinition(hidden, schema).map((issue) => [issue.code, issue.condition])).toEqual([
      ["RECORD_RULE_FIELD_NOT_VISIBLE", 0],
      ["RECORD_RULE_FIELD_NOT_VISIBLE", 1],
      ["RECORD_RULE_FIELD_NOT_VISIBLE", 2],
      ["RECORD_RULE_ME", 3],
      ["RECORD_RULE_VALUE", 4],
      ["UNKNOWN_FIELD", 5],
      ["RECORD_RULE_OPERATOR", 6],
    ]);
    const visible = validateRoleDefinition(role(rule), schema).map((issue) => issue.code);
    // With amount visible, condition 0 is fine and 1–2 fail on their own merits.
    expect(visible.slice(0, 3)).toEqual(["RECORD_RULE_OPERATOR", "RECORD_RULE_VALUE", "RECORD_RULE_ME"]);
    expect(validateRoleDefinition(role({ mode: "match", join: "all", conditions: [] }), schema)).toEqual([{ code: "RECORD_RULE_INVALID", object: "opportunity" }]);
  });
});

describe("record-level rules: resolution and evaluation", () => {
  it("carries the rule on the resolved object; no rule inherits all records", () => {
    const limited = resolvePermissions(role(mine), schema).objects.opportunity.records;
    expect(limited).toEqual({ rule: mine, source: "objectRule" });
    expect(resolvePermissions(role(null), schema).objects.opportunity.records).toEqual({ rule: { mode: "all" }, source: "baseline" });
    expect(resolvePermissions({ ...role(mine), isAdmin: true }, schema).objects.opportunity.records.source).toBe("admin");
  });

  it("Me is the member; without a member (API keys, agents) it matches nothing, neq included", () => {
    expect(matchesRecordRule(mine, { ownerId: "m1" }, { memberId: "m1" })).toBe(true);
    expect(matchesRecordRule(mine, { ownerId: "m2" }, { memberId: "m1" })).toBe(false);
    expect(matchesRecordRule(mine, { ownerId: "m1" }, { memberId: null })).toBe(false);
    expect(matchesRecordRule(mine, {}, { memberId: null })).toBe(false);
    const notMine: RecordRule = { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "neq", value: { me: true } }] };
    expect(matchesRecordRule(notMine, { ownerId: "m2" }, { memberId: "m1" })).toBe(true);
    expect(matchesRecordRule(notMine, {}, { memberId: "m1" })).toBe(true);
    expect(matchesRecordRule(notMine, { ownerId: "m2" }, { memberId: null })).toBe(false);
  });

  it("joins with all / any; empty means absent or empty text; contains folds case by Unicode rules", () => {
    const rule: RecordRule = {
      mode: "match",
      join: "any",
      conditions: [
        { field: "amount", operator: "gt", value: 100 },
        { field: "name", operator: "contains", value: "ACME" },
      ],
    };
    const member = { memberId: "m1" };
    expect(matchesRecordRule(rule, { amount: 50, name: "acme deal" }, member)).toBe(true);
    expect(matchesRecordRule(rule, { amount: 150 }, member)).toBe(true);
    expect(matchesRecordRule(rule, { amount: 50, name: "Nova" }, member)).toBe(false);
    const accented: RecordRule = { mode: "match", join: "all", conditions: [{ field: "name", operator: "contains", value: "élise" }] };
    expect(matchesRecordRule(accented, { name: "ÉLISE Martin" }, member)).toBe(true);
    expect(matchesRecordRule(accented, { name: "Elise" }, member)).toBe(false);
    expect(matchesRecordRule({ ...rule, join: "all" }, { amount: 150, name: "Acme" }, member)).toBe(true);
    expect(matchesRecordRule({ ...rule, join: "all" }, { amount: 150, name: "Nova" }, member)).toBe(false);
    const empty: RecordRule = { mode: "match", join: "all", conditions: [{ field: "stage", operator: "isEmpty" }] };
    expect(matchesRecordRule(empty, {}, member)).toBe(true);
    expect(matchesRecordRule(empty, { stage: "" }, member)).toBe(true);
    expect(matchesRecordRule(empty, { stage: "NEW" }, member)).toBe(false);
    expect(matchesRecordRule({ mode: "all" }, {}, { memberId: null })).toBe(true);
    expect(matchesRecordRule(null, {}, { memberId: null })).toBe(true);
  });
});

describe("record-level rules: authority (SPEC §11)", () => {
  const ownerIsMe = { field: "ownerId", operator: "eq", value: { me: true } } as const;
  const notNew = { field: "stage", operator: "neq", value: "NEW" } as const;
  const both: StoredRecordRule = { mode: "match", join: "all", conditions: [ownerIsMe, notNew] };

  it("a rule is within another only when it reaches no more records (decided conservatively)", () => {
    expect(recordRuleWithin(mine, { mode: "all" }, "holder")).toBe(true);
    expect(recordRuleWithin({ mode: "all" }, mine, "holder")).toBe(false);
    expect(recordRuleWithin(undefined, mine, "holder")).toBe(false);
    expect(recordRuleWithin(mine, mine, "holder")).toBe(true);
    expect(recordRuleWithin(both, mine, "holder")).toBe(true);
    expect(recordRuleWithin(mine, both, "holder")).toBe(false);
    expect(recordRuleWithin(both, { mode: "match", join: "any", conditions: [{ field: "amount", operator: "gt", value: 5 }, notNew] }, "holder")).toBe(true);
    expect(recordRuleWithin({ ...both, join: "any" }, mine, "holder")).toBe(false);
  });

  it("for one holder (a role against a role), identical Me rules reach the same records", () => {
    expect(recordRuleWithin(mine, mine, "holder")).toBe(true);
    expect(recordRuleWithin(both, mine, "holder")).toBe(true);
  });

  it("against an actor, the actor's Me is one member: a Me rule reaches each holder's own records, so it is not within", () => {
    const actorId = "member-sam";
    expect(recordRuleWithin(mine, mine, { memberId: actorId })).toBe(false);
    expect(recordRuleWithin(both, mine, { memberId: actorId })).toBe(false);
    // Only a literal condition on the actor's own id stays within the actor's Me.
    const samsOnly: RecordRule = { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: actorId }, notNew] };
    expect(recordRuleWithin(samsOnly, mine, { memberId: actorId })).toBe(true);
    expect(recordRuleWithin(samsOnly, mine, { memberId: "member-lena" })).toBe(false);
    // A key or agent actor: its Me reaches nothing, so nothing under "all of" it is within.
    expect(recordRuleWithin(samsOnly, mine, { memberId: null })).toBe(false);
    // A bound condition without Me is still required as before.
    const notNewOnly: RecordRule = { mode: "match", join: "all", conditions: [notNew] };
    expect(recordRuleWithin(both, notNewOnly, { memberId: actorId })).toBe(true);
    // "Any of" drops the actor's unreachable Me condition for a key, and keeps the others.
    const mineOrNotNew: RecordRule = { mode: "match", join: "any", conditions: [ownerIsMe, notNew] };
    expect(recordRuleWithin(notNewOnly, mineOrNotNew, { memberId: null })).toBe(true);
    expect(recordRuleWithin(mine, mineOrNotNew, { memberId: null })).toBe(false);
  });

  it("an actor limited to its own opportunities cannot hand out all of them, nor its own Me rule", () => {
    const actor = resolvePermissions(role(mine), schema);
    expect(exceedingPermissions(resolvePermissions(role(null), schema), actor, "member-sam")).toEqual([{ kind: "object", action: "see", object: "opportunity" }]);
    expect(exceedingPermissions(resolvePermissions(role(both), schema), actor, "member-sam")).toEqual([{ kind: "object", action: "see", object: "opportunity" }]);
    const notNewOnly: RecordRule = { mode: "match", join: "all", conditions: [notNew] };
    expect(exceedingPermissions(resolvePermissions(role(both), schema), resolvePermissions(role(notNewOnly), schema), "member-sam")).toEqual([]);
    expect(exceedingPermissions(resolvePermissions(role(mine), schema), resolvePermissions(role(null), schema), "member-sam")).toEqual([]);
  });
});
