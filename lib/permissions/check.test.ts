import { describe, expect, it } from "vitest";
import { can, canAction, canSetting, creatableFields, editableFields, visibleFields } from "./check";
import { ACTION_PERMISSIONS, SETTINGS_PERMISSIONS } from "./constants";
import { adminRole, demoSchema, guestRole, internRole, memberRole, PERSON_FIELDS_IN_ORDER } from "./fixtures";
import { resolvePermissions } from "./resolve";
import type { ObjectAction } from "./types";

const intern = resolvePermissions(internRole, demoSchema);

describe("can — Intern", () => {
  it.each([
    ["see", "person", true],
    ["edit", "person", true],
    ["delete", "person", false],
    ["destroy", "person", false],
    ["see", "company", true],
    ["edit", "company", false],
    ["see", "opportunity", false],
    ["edit", "opportunity", false],
    ["delete", "note", false],
    ["see", "task", true],
  ] as const)("%s %s → %s", (action, object, expected) => {
    expect(can(intern, action, object)).toBe(expected);
  });

  it.each([
    ["see", "person", "email", true],
    ["edit", "person", "email", false],
    ["see", "person", "address", false],
    ["edit", "person", "address", false],
    ["see", "person", "phone", true],
    ["edit", "person", "phone", true],
    ["see", "person", "name", true],
    ["edit", "person", "name", true],
    ["see", "person", "id", true],
    ["edit", "person", "id", false],
    ["edit", "person", "createdAt", false],
    ["see", "opportunity", "name", false],
    ["see", "opportunity", "amount", false],
    ["see", "company", "domain", true],
    ["edit", "company", "domain", false],
  ] as const)("%s %s.%s → %s", (action, object, field, expected) => {
    expect(can(intern, action, object, field)).toBe(expected);
  });

  it("answers delete/destroy on a field with the object's value, even for a hidden field", () => {
    const member = resolvePermissions(
      { ...memberRole, fieldRules: [{ object: "person", field: "address", canSee: false, canEdit: false }] },
      demoSchema,
    );
    expect(can(member, "delete", "person", "address")).toBe(true);
    expect(can(member, "destroy", "person", "address")).toBe(false);
    expect(can(member, "see", "person", "address")).toBe(false);
  });

  it("denies unknown objects, fields and actions", () => {
    const admin = resolvePermissions(adminRole, demoSchema);
    expect(can(admin, "see", "ghost")).toBe(false);
    expect(can(admin, "see", "person", "ghost")).toBe(false);
    expect(can(admin, "delete", "person", "ghost")).toBe(false);
    expect(can(admin, "see", "constructor")).toBe(false);
    expect(can(admin, "see", "person", "toString")).toBe(false);
    expect(can(admin, "fly" as ObjectAction, "person")).toBe(false);
    expect(can(admin, "toString" as ObjectAction, "person")).toBe(false);
  });

  it("agrees with the readable view for every object, field and action of every built-in role", () => {
    for (const role of [adminRole, memberRole, guestRole, internRole]) {
      const perms = resolvePermissions(role, demoSchema);
      for (const [objectName, object] of Object.entries(perms.objects)) {
        for (const action of ["see", "edit", "delete", "destroy"] as const) {
          expect(can(perms, action, objectName)).toBe(object[action].value);
        }
        for (const [fieldName, field] of Object.entries(object.fields)) {
          expect(can(perms, "see", objectName, fieldName)).toBe(field.see.value);
          expect(can(perms, "edit", objectName, fieldName)).toBe(field.edit.value);
        }
      }
    }
  });
});

describe("canSetting / canAction", () => {
  it("Intern: no settings, only EXPORT_CSV", () => {
    for (const key of SETTINGS_PERMISSIONS) expect(canSetting(intern, key)).toBe(false);
    expect(canAction(intern, "EXPORT_CSV")).toBe(true);
    expect(canAction(intern, "IMPORT_CSV")).toBe(false);
    expect(canAction(intern, "SEND_EMAIL")).toBe(false);
  });

  it("Admin: everything", () => {
    const admin = resolvePermissions(adminRole, demoSchema);
    for (const key of SETTINGS_PERMISSIONS) expect(canSetting(admin, key)).toBe(true);
    for (const key of ACTION_PERMISSIONS) expect(canAction(admin, key)).toBe(true);
  });

  it("all-access switches grant every key; individual keys grant only themselves", () => {
    const allAccess = resolvePermissions({ ...guestRole, settingsAllAccess: true, actionsAllAccess: true }, demoSchema);
    for (const key of SETTINGS_PERMISSIONS) expect(canSetting(allAccess, key)).toBe(true);
    for (const key of ACTION_PERMISSIONS) expect(canAction(allAccess, key)).toBe(true);

    const some = resolvePermissions({ ...guestRole, settings: ["ROLES", "WORKFLOWS"], actions: ["IMPORT_CSV"] }, demoSchema);
    expect(SETTINGS_PERMISSIONS.filter((key) => canSetting(some, key))).toEqual(["ROLES", "WORKFLOWS"]);
    expect(ACTION_PERMISSIONS.filter((key) => canAction(some, key))).toEqual(["IMPORT_CSV"]);
  });

  it("Member: all actions, no settings", () => {
    const member = resolvePermissions(memberRole, demoSchema);
    expect(SETTINGS_PERMISSIONS.some((key) => canSetting(member, key))).toBe(false);
    expect(ACTION_PERMISSIONS.every((key) => canAction(member, key))).toBe(true);
  });
});

describe("visibleFields / editableFields", () => {
  it("Intern on person, in schema order", () => {
    expect(visibleFields(intern, "person")).toEqual(PERSON_FIELDS_IN_ORDER.filter((field) => field !== "address"));
    expect(editableFields(intern, "person")).toEqual(["name", "phone", "city", "jobTitle", "companyId", "ownerId"]);
  });

  it("creatableFields: the Intern sets at creation what it may edit; a role without create sets nothing", () => {
    expect(creatableFields(intern, "person")).toEqual(["name", "phone", "city", "jobTitle", "companyId", "ownerId"]);
    expect(creatableFields(intern, "company")).toEqual([]);
    expect(can(intern, "create", "person")).toBe(true);
    expect(can(intern, "create", "company")).toBe(false);
  });

  it("Intern: company visible but read-only, opportunity hidden, unknown empty", () => {
    expect(visibleFields(intern, "company")).toEqual(["id", "name", "domain", "employees", "address", "ownerId", "createdAt", "updatedAt"]);
    expect(editableFields(intern, "company")).toEqual([]);
    expect(visibleFields(intern, "opportunity")).toEqual([]);
    expect(visibleFields(intern, "ghost")).toEqual([]);
  });

  it("follows the schema's order even for integer-like field names", () => {
    const schema = { objects: [{ name: "odd", fields: [{ name: "b" }, { name: "2" }, { name: "a" }, { name: "1" }] }] };
    const perms = resolvePermissions(guestRole, schema);
    expect(visibleFields(perms, "odd")).toEqual(["b", "2", "a", "1"]);
  });

  it("returns a copy that callers may change without affecting the engine", () => {
    visibleFields(intern, "person").push("address");
    expect(visibleFields(intern, "person")).not.toContain("address");
  });
});
