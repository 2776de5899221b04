import { describe, expect, it } from "vitest";
import { managerCycle, orgOf, reportsOf } from "./org";
import { describeRecordRule, matchesRecordRule, type RecordRule } from "./record-rule";
import { validateRecordRule } from "./record-rule-validate";

const managers = new Map<string, string | null>([
  ["lena", null],
  ["sam", "lena"],
  ["noah", "lena"],
  ["ivy", "sam"],
  ["yuki", null],
]);
const graph = { managerOf: managers, teams: [{ id: "w", name: "West", leadId: "lena", memberIds: ["sam", "noah"] }, { id: "e", name: "East", leadId: "yuki", memberIds: [] }] };

describe("org (docs/reference.md §19)", () => {
  it("reports are transitive and never include the manager herself", () => {
    expect(reportsOf("lena", managers)).toEqual(["ivy", "noah", "sam"]);
    expect(reportsOf("sam", managers)).toEqual(["ivy"]);
    expect(reportsOf("ivy", managers)).toEqual([]);
  });

  it("refuses a manager that closes a cycle, directly or not", () => {
    expect(managerCycle("lena", "lena", managers)).toBe(true);
    expect(managerCycle("lena", "sam", managers)).toBe(true);
    expect(managerCycle("lena", "ivy", managers)).toBe(true);
    expect(managerCycle("lena", "yuki", managers)).toBe(false);
    expect(managerCycle("ivy", null, managers)).toBe(false);
  });

  it("a team's people are its lead and its members", () => {
    expect(orgOf("lena", graph).teams).toEqual([{ id: "w", name: "West", memberIds: ["lena", "noah", "sam"] }]);
    expect(orgOf("yuki", graph).teams).toEqual([{ id: "e", name: "East", memberIds: ["yuki"] }]);
    expect(orgOf("ivy", graph).teams).toEqual([]);
  });

  it("My teams and My reports match the members they name; nothing for keys and agents", () => {
    const reports: RecordRule = { mode: "match", join: "any", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }, { field: "ownerId", operator: "eq", value: { myReports: true } }] };
    const lena = { memberId: "lena", org: orgOf("lena", graph) };
    expect(["lena", "sam", "noah", "ivy", "yuki"].filter((owner) => matchesRecordRule(reports, { ownerId: owner }, lena))).toEqual(["lena", "sam", "noah", "ivy"]);
    expect(matchesRecordRule(reports, { ownerId: "sam" }, { memberId: null })).toBe(false);
    const teams: RecordRule = { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { myTeams: true } }] };
    const sam = { memberId: "sam", org: orgOf("sam", graph) };
    expect(["lena", "sam", "noah", "ivy", "yuki"].filter((owner) => matchesRecordRule(teams, { ownerId: owner }, sam))).toEqual(["lena", "sam", "noah"]);
    const notTeams: RecordRule = { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "neq", value: { myTeams: true } }] };
    expect(["lena", "ivy", undefined].map((owner) => matchesRecordRule(notTeams, owner ? { ownerId: owner } : {}, sam))).toEqual([false, true, true]);
    // A member without org data (no team, no report) reaches nothing through them.
    expect(matchesRecordRule(teams, { ownerId: "sam" }, { memberId: "sam" })).toBe(false);
    expect(describeRecordRule(reports)).toBe("ownerId is Me or ownerId is My reports");
  });

  it("validation accepts relations on member fields with is / is not only", () => {
    const fields = new Map([
      ["ownerId", { name: "ownerId", type: "member" as const }],
      ["name", { name: "name", type: "text" as const }],
    ]);
    const role = { isAdmin: true } as Parameters<typeof validateRecordRule>[0];
    const rule = (condition: object): RecordRule => ({ mode: "match", join: "all", conditions: [condition as never] });
    expect(validateRecordRule(role, "opportunity", rule({ field: "ownerId", operator: "eq", value: { myTeams: true } }), fields)).toEqual([]);
    expect(validateRecordRule(role, "opportunity", rule({ field: "ownerId", operator: "neq", value: { myReports: true } }), fields)).toEqual([]);
    expect(validateRecordRule(role, "opportunity", rule({ field: "name", operator: "eq", value: { myTeams: true } }), fields)[0]?.code).toBe("RECORD_RULE_ME");
    expect(validateRecordRule(role, "opportunity", rule({ field: "ownerId", operator: "in", value: { myReports: true } }), fields)[0]?.code).toBe("RECORD_RULE_ME");
  });
});

describe("authority over Allow sharing (docs/reference.md §19)", () => {
  it("granting Allow sharing one does not hold exceeds; holding it on the same records does not", async () => {
    const { resolvePermissions } = await import("./resolve");
    const { seedToRole, draftToDefinition } = await import("./model");
    const { exceedingPermissions } = await import("./authority");
    const { demoSchema } = await import("./fixtures");
    const role = (allowSharing: boolean) =>
      resolvePermissions(draftToDefinition(seedToRole({ name: "r", canSeeAllObjects: true, canEditAllObjects: true, objectRules: [{ object: "opportunity", canSee: true, canEdit: true, allowSharing }] })), demoSchema);
    expect(exceedingPermissions(role(true), role(false), "m1")).toEqual([{ kind: "sharing", object: "opportunity" }]);
    expect(exceedingPermissions(role(true), role(true), "m1")).toEqual([]);
    expect(exceedingPermissions(role(false), role(true), "m1")).toEqual([]);
  });
});
