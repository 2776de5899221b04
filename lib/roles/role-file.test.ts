import { describe, expect, it } from "vitest";
import { EMPTY_ROLE_DRAFT } from "./draft";
import { roleFile, toRoleFile } from "./role-file";

/** A role file as exported before Create was split from Edit (SPEC §13): no create switches. */
function legacyFile(canEditAllObjects: boolean, objectRules: Record<string, unknown>[]) {
  const { canCreateAllObjects: _dropped, ...role } = { ...EMPTY_ROLE_DRAFT, name: "Legacy", canEditAllObjects, objectRules: [] };
  return { kind: "rolecall.role", version: 1, role: { ...role, objectRules } };
}

describe("role files", () => {
  it("round-trips the create switches", () => {
    const draft = {
      ...EMPTY_ROLE_DRAFT,
      name: "Creator",
      canCreateAllObjects: true,
      objectRules: [{ object: "note", canSee: null, canCreate: false, canEdit: true, canDelete: null, canDestroy: null }],
    };
    expect(roleFile.parse(JSON.parse(JSON.stringify(toRoleFile(draft)))).role).toEqual(draft);
  });

  it("imports a file exported before Create existed with create = edit, at the baseline and in each rule", () => {
    const parsed = roleFile.parse(
      legacyFile(true, [
        { object: "note", canSee: null, canEdit: false, canDelete: null, canDestroy: null },
        { object: "task", canSee: false, canEdit: null, canDelete: null, canDestroy: null },
      ]),
    ).role;
    expect(parsed.canCreateAllObjects).toBe(true);
    expect(parsed.objectRules.map((rule) => [rule.object, rule.canCreate])).toEqual([
      ["note", false],
      ["task", null],
    ]);
    expect(roleFile.parse(legacyFile(false, [])).role.canCreateAllObjects).toBe(false);
  });

  it("carries the role's guardrails (SPEC §14); files without them import with none", () => {
    const rails = [{ mode: "never" as const, action: "see", object: "person", field: "address" }, { mode: "never" as const, action: "EXPORT_CSV", object: null, field: null }];
    const file = JSON.parse(JSON.stringify(toRoleFile({ ...EMPTY_ROLE_DRAFT, name: "Railed" }, rails)));
    expect(roleFile.parse(file).guardrails).toEqual(rails);
    expect(toRoleFile({ ...EMPTY_ROLE_DRAFT, name: "Bare" })).not.toHaveProperty("guardrails");
    expect(roleFile.parse({ ...file, guardrails: [{ mode: "never", action: "EXPORT_CSV" }] }).guardrails).toEqual([{ mode: "never", action: "EXPORT_CSV", object: null, field: null }]);
    expect(roleFile.safeParse({ ...file, guardrails: [{ mode: "sometimes", action: "EXPORT_CSV" }] }).success).toBe(false);
  });
});
