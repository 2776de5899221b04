import { describe, expect, it } from "vitest";
import { adminRole, demoSchema, guestRole, internRole, memberRole, supportRole } from "./fixtures";
import { allObjects, assignableTo } from "./model";
import type { RoleDefinition } from "./types";
import { validateRoleDefinition } from "./validate";

const validate = (role: RoleDefinition) => validateRoleDefinition(role, demoSchema);

describe("validateRoleDefinition — valid definitions", () => {
  it.each([
    ["Admin", adminRole],
    ["Member", memberRole],
    ["Guest", guestRole],
    ["Intern", internRole],
    ["Support", supportRole],
  ])("%s is valid", (_name, role) => {
    expect(validate(role)).toEqual([]);
  });

  it("accepts an object rule hiding an object when it also turns the inherited switches off", () => {
    const role: RoleDefinition = {
      ...memberRole,
      objectRules: [{ object: "note", canSee: false, canCreate: false, canEdit: false, canDelete: false }],
    };
    expect(validate(role)).toEqual([]);
  });

  it("accepts 'No access' fields and field-level edit on a read-only object", () => {
    const role: RoleDefinition = {
      ...guestRole,
      fieldRules: [
        { object: "task", field: "status", canSee: true, canEdit: true },
        { object: "task", field: "body", canSee: false, canEdit: false },
        { object: "task", field: "dueAt", canSee: null, canEdit: null },
      ],
    };
    expect(validate(role)).toEqual([]);
  });

  it("accepts a 'No access' field rule on a hidden object", () => {
    const role: RoleDefinition = {
      ...internRole,
      fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }],
    };
    expect(validate(role)).toEqual([]);
  });
});

describe("validateRoleDefinition — EDIT_WITHOUT_SEE", () => {
  it("baseline: one issue per action granted without see", () => {
    const role: RoleDefinition = { ...memberRole, canSeeAllObjects: false };
    expect(validate(role)).toEqual([
      { code: "EDIT_WITHOUT_SEE", action: "create" },
      { code: "EDIT_WITHOUT_SEE", action: "edit" },
      { code: "EDIT_WITHOUT_SEE", action: "delete" },
    ]);
  });

  it("object rule setting edit without see", () => {
    const role: RoleDefinition = { ...guestRole, objectRules: [{ object: "note", canSee: false, canDestroy: true }] };
    expect(validate(role)).toEqual([{ code: "EDIT_WITHOUT_SEE", object: "note", action: "destroy" }]);
  });

  it("object rule turning see off while the baseline's edit is inherited on", () => {
    const role: RoleDefinition = { ...memberRole, objectRules: [{ object: "company", canSee: false }] };
    expect(validate(role)).toEqual(["create", "edit", "delete"].map((action) => ({ code: "EDIT_WITHOUT_SEE", object: "company", action })));
  });

  it("object rule granting edit while see is inherited off", () => {
    const role: RoleDefinition = {
      ...guestRole,
      canSeeAllObjects: false,
      objectRules: [{ object: "task", canEdit: true }],
    };
    expect(validate(role)).toEqual([{ code: "EDIT_WITHOUT_SEE", object: "task", action: "edit" }]);
  });

  it("create without see: baseline and object rule (SPEC §13: create needs see)", () => {
    const baseline: RoleDefinition = { ...guestRole, canSeeAllObjects: false, canCreateAllObjects: true };
    expect(validate(baseline)).toEqual([{ code: "EDIT_WITHOUT_SEE", action: "create" }]);
    const rule: RoleDefinition = { ...guestRole, objectRules: [{ object: "note", canSee: false, canCreate: true }] };
    expect(validate(rule)).toEqual([{ code: "EDIT_WITHOUT_SEE", object: "note", action: "create" }]);
    // Create alone, with see: valid (a role may create without editing).
    expect(validate({ ...guestRole, canCreateAllObjects: true })).toEqual([]);
  });

  it("does not repeat a baseline issue on an object rule that does not touch see or the action", () => {
    const role: RoleDefinition = {
      ...guestRole,
      canSeeAllObjects: false,
      canEditAllObjects: true,
      objectRules: [{ object: "task", canDelete: false }],
    };
    expect(validate(role)).toEqual([{ code: "EDIT_WITHOUT_SEE", action: "edit" }]);
  });

  it("field rule with canEdit true and canSee false", () => {
    const role: RoleDefinition = {
      ...guestRole,
      fieldRules: [{ object: "person", field: "email", canSee: false, canEdit: true }],
    };
    expect(validate(role)).toEqual([{ code: "EDIT_WITHOUT_SEE", object: "person", field: "email", action: "edit" }]);
  });

  it("field rule hiding a field whose edit is inherited on from the object", () => {
    const role: RoleDefinition = {
      ...memberRole,
      fieldRules: [{ object: "person", field: "email", canSee: false }],
    };
    expect(validate(role)).toEqual([{ code: "EDIT_WITHOUT_SEE", object: "person", field: "email", action: "edit" }]);
  });
});

describe("validateRoleDefinition — other codes", () => {
  it("FIELD_VISIBLE_ON_HIDDEN_OBJECT", () => {
    const role: RoleDefinition = {
      ...internRole,
      fieldRules: [
        { object: "opportunity", field: "amount", canSee: true, canEdit: false },
        { object: "opportunity", field: "stage", canEdit: true },
      ],
    };
    expect(validate(role)).toEqual([
      { code: "FIELD_VISIBLE_ON_HIDDEN_OBJECT", object: "opportunity", field: "amount" },
      { code: "FIELD_VISIBLE_ON_HIDDEN_OBJECT", object: "opportunity", field: "stage" },
    ]);
  });

  it("FIELD_NOT_RESTRICTABLE on label and system fields", () => {
    const role: RoleDefinition = {
      ...guestRole,
      fieldRules: [
        { object: "person", field: "name", canSee: false, canEdit: false },
        { object: "task", field: "createdAt", canSee: true, canEdit: true },
      ],
    };
    expect(validate(role)).toEqual([
      { code: "FIELD_NOT_RESTRICTABLE", object: "person", field: "name" },
      { code: "FIELD_NOT_RESTRICTABLE", object: "task", field: "createdAt" },
    ]);
  });

  it("UNKNOWN_OBJECT in object and field rules; UNKNOWN_FIELD", () => {
    const role: RoleDefinition = {
      ...guestRole,
      objectRules: [{ object: "invoice", canSee: false }],
      fieldRules: [
        { object: "invoice", field: "total", canSee: false },
        { object: "person", field: "shoeSize", canSee: false },
        { object: "person", field: "constructor", canSee: false },
      ],
    };
    expect(validate(role)).toEqual([
      { code: "UNKNOWN_OBJECT", object: "invoice" },
      { code: "UNKNOWN_OBJECT", object: "invoice", field: "total" },
      { code: "UNKNOWN_FIELD", object: "person", field: "shoeSize" },
      { code: "UNKNOWN_FIELD", object: "person", field: "constructor" },
    ]);
  });

  it("DUPLICATE_RULE for object and field rules", () => {
    const role: RoleDefinition = {
      ...guestRole,
      objectRules: [
        { object: "note", canSee: true },
        { object: "note", canSee: true },
      ],
      fieldRules: [
        { object: "note", field: "body", canSee: false, canEdit: false },
        { object: "note", field: "body", canSee: true, canEdit: false },
      ],
    };
    expect(validate(role)).toEqual([
      { code: "DUPLICATE_RULE", object: "note" },
      { code: "DUPLICATE_RULE", object: "note", field: "body" },
    ]);
  });

  it("UNKNOWN_SETTING and UNKNOWN_ACTION name the key", () => {
    const role: RoleDefinition = { ...guestRole, settings: ["ROLES", "BILLING"], actions: ["EXPORT_CSV", "PRINT"] };
    expect(validate(role)).toEqual([
      { code: "UNKNOWN_SETTING", key: "BILLING" },
      { code: "UNKNOWN_ACTION", key: "PRINT" },
    ]);
  });

  it("ADMIN_NOT_ASSIGNABLE_TO_AGENT", () => {
    const role: RoleDefinition = { ...adminRole, ...assignableTo("member", "apiKey", "agent") };
    expect(validate(role)).toEqual([{ code: "ADMIN_NOT_ASSIGNABLE_TO_AGENT" }]);
    expect(validate({ ...memberRole, ...assignableTo("member", "apiKey", "agent") })).toEqual([]);
  });

  it("reports every issue of a definition, in a stable order", () => {
    const role: RoleDefinition = {
      ...adminRole,
      ...allObjects("destroy"),
      objectRules: [{ object: "ghost" }],
      fieldRules: [{ object: "person", field: "id", canSee: false }],
      settings: ["X"],
      actions: ["Y"],
      ...assignableTo("member", "apiKey", "agent"),
    };
    expect(validate(role).map((issue) => issue.code)).toEqual([
      "EDIT_WITHOUT_SEE",
      "UNKNOWN_OBJECT",
      "FIELD_NOT_RESTRICTABLE",
      "UNKNOWN_SETTING",
      "UNKNOWN_ACTION",
      "ADMIN_NOT_ASSIGNABLE_TO_AGENT",
    ]);
  });
});
