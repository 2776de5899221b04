import { describe, expect, it } from "vitest";
import { baselineValue, resolvePermissions, validateRoleDefinition, can } from "@/lib/permissions";
import { demoSchema } from "@/lib/permissions/fixtures";
import { draftToDefinition, EMPTY_ROLE_DRAFT, type RoleDraft } from "./draft";
import {
  addObjectRule,
  fieldRuleAccess,
  removeObjectRule,
  restoreObject,
  sameDraft,
  setBaseline,
  setFieldAccess,
  setObjectRuleSwitch,
} from "./draft-edits";

const valid = (draft: RoleDraft) => validateRoleDefinition(draftToDefinition(draft), demoSchema);

describe("keeping a draft consistent", () => {
  it("turning See off on the baseline turns the others off; turning Edit on turns See on", () => {
    const all = setBaseline(setBaseline(setBaseline(EMPTY_ROLE_DRAFT, "edit", true), "delete", true), "destroy", true);
    const off = setBaseline(all, "see", false);
    expect((["see", "edit", "delete", "destroy"] as const).map((action) => baselineValue(off, action))).toEqual([false, false, false, false]);
    const on = setBaseline(off, "destroy", true);
    expect([baselineValue(on, "see"), baselineValue(on, "destroy")]).toEqual([true, true]);
  });

  it("Create follows the same consistency: See off turns Create off, Create on turns See on (baseline and rule)", () => {
    const creates = setBaseline(EMPTY_ROLE_DRAFT, "create", true);
    expect([creates.canSeeAllObjects, creates.canCreateAllObjects, creates.canEditAllObjects]).toEqual([true, true, false]);
    const off = setBaseline(creates, "see", false);
    expect([off.canSeeAllObjects, off.canCreateAllObjects]).toEqual([false, false]);
    const back = setBaseline(off, "create", true);
    expect([back.canSeeAllObjects, back.canCreateAllObjects]).toEqual([true, true]);

    const hidden = setObjectRuleSwitch(creates, "note", "see", false);
    expect(hidden.objectRules).toEqual([{ object: "note", canSee: false, canCreate: false, canEdit: null, canDelete: null, canDestroy: null }]);
    expect(valid(hidden)).toEqual([]);
    const shown = setObjectRuleSwitch(setBaseline(EMPTY_ROLE_DRAFT, "see", false), "task", "create", true);
    expect(shown.objectRules[0]).toMatchObject({ canSee: true, canCreate: true });
    expect(valid(shown)).toEqual([]);
  });

  it("an object rule that hides the object overrides only what the baseline would grant", () => {
    const member = setBaseline(EMPTY_ROLE_DRAFT, "edit", true);
    const hidden = setObjectRuleSwitch(member, "opportunity", "see", false);
    expect(hidden.objectRules).toEqual([{ object: "opportunity", canSee: false, canCreate: null, canEdit: false, canDelete: null, canDestroy: null }]);
    expect(valid(hidden)).toEqual([]);
  });

  it("granting Edit on a hidden object shows it", () => {
    const none = setBaseline(EMPTY_ROLE_DRAFT, "see", false);
    const draft = setObjectRuleSwitch(none, "person", "edit", true);
    expect(draft.objectRules[0]).toMatchObject({ canSee: true, canEdit: true });
    expect(valid(draft)).toEqual([]);
  });

  it("hiding the baseline keeps rules that explicitly grant edits and drops field grants of hidden objects", () => {
    let draft = setObjectRuleSwitch(EMPTY_ROLE_DRAFT, "person", "edit", true);
    draft = setFieldAccess(draft, "person", "email", "see");
    draft = setFieldAccess(draft, "company", "domain", "see");
    draft = setBaseline(draft, "see", false);
    expect(draft.objectRules.find((rule) => rule.object === "person")).toMatchObject({ canSee: true });
    expect(draft.fieldRules.map((rule) => `${rule.object}.${rule.field}`)).toEqual(["person.email"]);
    expect(valid(draft)).toEqual([]);
  });

  it("builds the guide's Intern example through the same edits as the UI", () => {
    let draft: RoleDraft = { ...EMPTY_ROLE_DRAFT, name: "Intern" };
    draft = setObjectRuleSwitch(draft, "opportunity", "see", false);
    draft = setObjectRuleSwitch(draft, "person", "edit", true);
    draft = setFieldAccess(draft, "person", "email", "see");
    draft = setFieldAccess(draft, "person", "address", "none");
    expect(valid(draft)).toEqual([]);
    const perms = resolvePermissions(draftToDefinition(draft), demoSchema);
    expect(can(perms, "see", "opportunity")).toBe(false);
    expect(can(perms, "edit", "person", "jobTitle")).toBe(true);
    expect(can(perms, "edit", "person", "email")).toBe(false);
    expect(can(perms, "see", "person", "address")).toBe(false);
    expect(can(perms, "edit", "company")).toBe(false);
  });

  it("maps field rules to the three choices and back, and null removes the override", () => {
    let draft = setFieldAccess(EMPTY_ROLE_DRAFT, "person", "email", "edit");
    expect(fieldRuleAccess(draft.fieldRules[0])).toBe("edit");
    expect(draft.objectRules.map((rule) => rule.object)).toEqual(["person"]);
    draft = setFieldAccess(draft, "person", "email", "none");
    expect(fieldRuleAccess(draft.fieldRules[0])).toBe("none");
    draft = setFieldAccess(draft, "person", "email", null);
    expect(draft.fieldRules).toEqual([]);
  });

  it("removing a rule removes its field rules; Revert restores one object from the saved draft", () => {
    const saved = setFieldAccess(setObjectRuleSwitch(EMPTY_ROLE_DRAFT, "person", "edit", true), "person", "email", "see");
    const edited = setFieldAccess(setObjectRuleSwitch(saved, "person", "delete", true), "person", "phone", "none");
    expect(sameDraft(restoreObject(edited, saved, "person"), saved)).toBe(true);
    expect(removeObjectRule(saved, "person")).toMatchObject({ objectRules: [], fieldRules: [] });
    expect(sameDraft(addObjectRule(EMPTY_ROLE_DRAFT, "task"), EMPTY_ROLE_DRAFT)).toBe(false);
  });
});
