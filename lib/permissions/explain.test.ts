import { describe, expect, it } from "vitest";
import { explain } from "./explain";
import { adminRole, demoSchema, guestRole, internRole, memberRole } from "./fixtures";
import { resolvePermissions } from "./resolve";
import type { ActionPermission, ObjectAction, RoleDefinition, SettingsPermission } from "./types";

const intern = resolvePermissions(internRole, demoSchema);
const object = (action: ObjectAction, objectName: string, field?: string) =>
  ({ kind: "object", action, object: objectName, field }) as const;

describe("explain — object and field checks (Intern)", () => {
  it.each([
    [object("see", "opportunity"), false, "objectRule", "Object rule on opportunity sets see to false"],
    [object("edit", "person"), true, "objectRule", "Object rule on person sets edit to true"],
    [object("edit", "company"), false, "baseline", "Baseline for all objects sets edit to false"],
    [object("see", "company"), true, "baseline", "Baseline for all objects sets see to true"],
    [object("edit", "person", "email"), false, "fieldRule", "Field rule on person.email sets edit to false"],
    [object("see", "person", "email"), true, "fieldRule", "Field rule on person.email sets see to true"],
    [object("see", "person", "address"), false, "fieldRule", "Field rule on person.address sets see to false"],
    [object("edit", "person", "address"), false, "fieldRule", "Field rule on person.address hides the field, so it cannot be edited"],
    [object("edit", "person", "phone"), true, "objectRule", "Object rule on person sets edit to true; person.phone inherits it"],
    [object("see", "person", "phone"), true, "baseline", "Baseline for all objects sets see to true; person.phone inherits it"],
    [object("see", "person", "name"), true, "fixed", "person.name is the label field: always visible when person is visible"],
    [object("edit", "person", "name"), true, "objectRule", "Object rule on person sets edit to true; person.name inherits it"],
    [object("edit", "person", "id"), false, "fixed", "person.id is a system field: always visible, never editable"],
    [object("see", "opportunity", "amount"), false, "fixed", "The role cannot see opportunity, so none of its fields can be seen or edited"],
    [object("delete", "person", "email"), false, "baseline", "Baseline for all objects sets delete to false"],
    [object("create", "person"), true, "objectRule", "Object rule on person sets create to true"],
    [object("create", "company"), false, "baseline", "Baseline for all objects sets create to false"],
    [object("create", "opportunity"), false, "baseline", "Baseline for all objects sets create to false"],
    [object("create", "person", "phone"), true, "objectRule", "Object rule on person sets create to true; person.phone inherits it"],
    [object("create", "person", "email"), false, "fieldRule", "Field rule on person.email makes the field read-only, so it cannot be set at creation"],
    [object("create", "person", "address"), false, "fieldRule", "Field rule on person.address hides the field, so it cannot be set at creation"],
    [object("create", "person", "id"), false, "fixed", "person.id is a system field: always visible, never editable"],
    [object("see", "ghost"), false, "fixed", "Unknown object ghost"],
    [object("see", "person", "ghost"), false, "fixed", "Unknown field person.ghost"],
    [object("delete", "person", "ghost"), false, "fixed", "Unknown field person.ghost"],
    [object("see", "constructor"), false, "fixed", "Unknown object constructor"],
    [object("fly" as ObjectAction, "person"), false, "fixed", "Unknown action fly"],
  ])("%o", (query, allowed, source, reason) => {
    expect(explain(intern, query)).toEqual({ allowed, source, reason });
  });

  it("names the see-clamp on an inconsistent stored definition", () => {
    const inconsistent: RoleDefinition = { ...memberRole, objectRules: [{ object: "note", canSee: false }] };
    expect(explain(resolvePermissions(inconsistent, demoSchema), object("edit", "note"))).toEqual({
      allowed: false,
      source: "fixed",
      reason: "Edit requires see, and the role cannot see note",
    });
  });

  it("Admin: allowed by the Admin role, but system fields stay read-only", () => {
    const admin = resolvePermissions(adminRole, demoSchema);
    expect(explain(admin, object("destroy", "opportunity"))).toEqual({
      allowed: true,
      source: "admin",
      reason: "The Admin role has full access",
    });
    expect(explain(admin, object("edit", "task", "createdAt"))).toMatchObject({ allowed: false, source: "fixed" });
  });
});

describe("explain — settings and actions", () => {
  const setting = (key: SettingsPermission) => ({ kind: "setting", key }) as const;
  const action = (key: ActionPermission) => ({ kind: "action", key }) as const;

  it("Intern", () => {
    expect(explain(intern, action("EXPORT_CSV"))).toEqual({
      allowed: true,
      source: "baseline",
      reason: "The role grants the EXPORT_CSV action",
    });
    expect(explain(intern, action("SEND_EMAIL"))).toEqual({
      allowed: false,
      source: "baseline",
      reason: "The role does not grant the SEND_EMAIL action",
    });
    expect(explain(intern, setting("ROLES"))).toEqual({
      allowed: false,
      source: "baseline",
      reason: "The role does not grant the ROLES settings permission",
    });
  });

  it("all access and Admin", () => {
    const member = resolvePermissions(memberRole, demoSchema);
    expect(explain(member, action("IMPORT_CSV"))).toEqual({
      allowed: true,
      source: "baseline",
      reason: "All actions access is on",
    });
    const settingsAdmin = resolvePermissions({ ...guestRole, settingsAllAccess: true }, demoSchema);
    expect(explain(settingsAdmin, setting("SECURITY")).reason).toBe("Settings all access is on");
    const individual = resolvePermissions({ ...guestRole, settings: ["SECURITY"] }, demoSchema);
    expect(explain(individual, setting("SECURITY")).reason).toBe("The role grants the SECURITY settings permission");
    expect(explain(resolvePermissions(adminRole, demoSchema), setting("MEMBERS"))).toEqual({
      allowed: true,
      source: "admin",
      reason: "The Admin role has full access",
    });
  });

  it("unknown keys are denied", () => {
    expect(explain(intern, setting("ROOT" as SettingsPermission))).toEqual({
      allowed: false,
      source: "fixed",
      reason: "Unknown settings permission ROOT",
    });
    expect(explain(intern, action("FLY" as ActionPermission)).allowed).toBe(false);
  });
});
