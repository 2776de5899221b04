import { BASELINE_SWITCHES } from "./model";
import { describe, expect, it } from "vitest";
import { adminRole, demoSchema, guestRole, internRole, memberRole, supportRole, PERSON_FIELDS_IN_ORDER } from "./fixtures";
import { resolvePermissions } from "./resolve";
import type { PermissionSource, ResolvedValue, RoleDefinition, WorkspaceSchema } from "./types";

const v = (value: boolean, source: PermissionSource): ResolvedValue => ({ value, source });
const NON_PERSON_OBJECTS = ["company", "note", "task"] as const;

describe("resolvePermissions — the Intern example, cell by cell", () => {
  const perms = resolvePermissions(internRole, demoSchema);

  it.each([
    // object, see, create, edit, delete, destroy
    ["person", v(true, "baseline"), v(true, "objectRule"), v(true, "objectRule"), v(false, "baseline"), v(false, "baseline")],
    ["company", v(true, "baseline"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline")],
    ["opportunity", v(false, "objectRule"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline")],
    ["note", v(true, "baseline"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline")],
    ["task", v(true, "baseline"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline"), v(false, "baseline")],
  ])("%s: see/create/edit/delete/destroy", (object, see, create, edit, del, destroy) => {
    const view = perms.objects[object];
    expect({ see: view.see, create: view.create, edit: view.edit, delete: view.delete, destroy: view.destroy }).toEqual({
      see,
      create,
      edit,
      delete: del,
      destroy,
    });
  });

  it.each([
    // field, see, edit, restrictable; create equals edit for the Intern (its People rule creates and edits)
    ["id", v(true, "fixed"), v(false, "fixed"), false],
    ["name", v(true, "fixed"), v(true, "objectRule"), false], // label: always visible, edit follows person
    ["email", v(true, "fieldRule"), v(false, "fieldRule"), true], // "See field"
    ["phone", v(true, "baseline"), v(true, "objectRule"), true],
    ["address", v(false, "fieldRule"), v(false, "fieldRule"), true], // "No access"
    ["city", v(true, "baseline"), v(true, "objectRule"), true],
    ["jobTitle", v(true, "baseline"), v(true, "objectRule"), true],
    ["companyId", v(true, "baseline"), v(true, "objectRule"), true],
    ["ownerId", v(true, "baseline"), v(true, "objectRule"), true],
    ["createdAt", v(true, "fixed"), v(false, "fixed"), false],
    ["updatedAt", v(true, "fixed"), v(false, "fixed"), false],
  ])("person.%s: see/create/edit", (field, see, edit, restrictable) => {
    expect(perms.objects.person.fields[field]).toMatchObject({ see, create: edit, edit, restrictable });
  });

  it("lists person fields in schema order", () => {
    expect(Object.keys(perms.objects.person.fields)).toEqual(PERSON_FIELDS_IN_ORDER);
  });

  it("hides every opportunity field, label and system fields included, as fixed", () => {
    for (const field of Object.values(perms.objects.opportunity.fields)) {
      expect(field.see).toEqual(v(false, "fixed"));
      expect(field.edit).toEqual(v(false, "fixed"));
    }
  });

  it.each(NON_PERSON_OBJECTS)("%s fields are visible read-only, inherited from the baseline", (object) => {
    for (const [name, field] of Object.entries(perms.objects[object].fields)) {
      const expectedSee = field.kind === "regular" ? v(true, "baseline") : v(true, "fixed");
      const expectedEdit = field.kind === "system" ? v(false, "fixed") : v(false, "baseline");
      expect({ name, see: field.see, edit: field.edit }).toEqual({ name, see: expectedSee, edit: expectedEdit });
    }
  });

  it("grants only EXPORT_CSV and no settings", () => {
    expect(perms.actions).toEqual({
      SEND_EMAIL: v(false, "baseline"),
      IMPORT_CSV: v(false, "baseline"),
      EXPORT_CSV: v(true, "baseline"),
    });
    expect(Object.values(perms.settings).every((value) => value.value === false)).toBe(true);
    expect(Object.keys(perms.settings)).toHaveLength(7);
    expect(perms.isAdmin).toBe(false);
  });
});

describe("resolvePermissions — built-in roles", () => {
  it("Admin: everything allowed with source admin, except editing system fields", () => {
    const perms = resolvePermissions(adminRole, demoSchema);
    expect(perms.isAdmin).toBe(true);
    for (const object of Object.values(perms.objects)) {
      for (const action of ["see", "edit", "delete", "destroy"] as const) expect(object[action]).toEqual(v(true, "admin"));
      for (const field of Object.values(object.fields)) {
        expect(field.see).toEqual(v(true, "admin"));
        expect(field.edit).toEqual(field.kind === "system" ? v(false, "fixed") : v(true, "admin"));
      }
    }
    expect(Object.values(perms.settings)).toEqual(Array(7).fill(v(true, "admin")));
    expect(Object.values(perms.actions)).toEqual(Array(3).fill(v(true, "admin")));
  });

  it("Admin ignores the stored switches and rules", () => {
    const lockedAdmin: RoleDefinition = {
      ...guestRole,
      isAdmin: true,
      canSeeAllObjects: false,
      objectRules: [{ object: "person", canSee: false }],
      fieldRules: [{ object: "company", field: "domain", canSee: false, canEdit: false }],
      settingsAllAccess: false,
      actionsAllAccess: false,
    };
    const perms = resolvePermissions(lockedAdmin, demoSchema);
    expect(perms.objects.person.destroy).toEqual(v(true, "admin"));
    expect(perms.objects.company.fields.domain.edit).toEqual(v(true, "admin"));
    expect(perms.settings.SECURITY).toEqual(v(true, "admin"));
    expect(perms.actions.SEND_EMAIL).toEqual(v(true, "admin"));
  });

  it("Member: see/edit/delete everywhere, no destroy, all actions, no settings", () => {
    const perms = resolvePermissions(memberRole, demoSchema);
    for (const object of Object.values(perms.objects)) {
      expect([object.see, object.edit, object.delete, object.destroy]).toEqual([
        v(true, "baseline"),
        v(true, "baseline"),
        v(true, "baseline"),
        v(false, "baseline"),
      ]);
      for (const field of Object.values(object.fields)) expect(field.edit.value).toBe(field.kind !== "system");
    }
    expect(Object.values(perms.actions)).toEqual(Array(3).fill(v(true, "baseline")));
    expect(Object.values(perms.settings)).toEqual(Array(7).fill(v(false, "baseline")));
  });

  it("Guest: sees every field of every object, nothing else", () => {
    const perms = resolvePermissions(guestRole, demoSchema);
    for (const object of Object.values(perms.objects)) {
      expect([object.see.value, object.edit.value, object.delete.value, object.destroy.value]).toEqual([
        true,
        false,
        false,
        false,
      ]);
      for (const field of Object.values(object.fields)) expect([field.see.value, field.edit.value]).toEqual([true, false]);
    }
    expect(Object.values(perms.actions).some((value) => value.value)).toBe(false);
    expect(Object.values(perms.settings).some((value) => value.value)).toBe(false);
  });
});

describe("resolvePermissions — inheritance details", () => {
  const base: RoleDefinition = { ...guestRole, objectRules: [], fieldRules: [] };

  it("a field rule grants edit on one field of an otherwise read-only object", () => {
    const support: RoleDefinition = {
      ...base,
      fieldRules: [{ object: "task", field: "status", canSee: true, canEdit: true }],
    };
    const perms = resolvePermissions(support, demoSchema);
    expect(perms.objects.task.edit).toEqual(v(false, "baseline"));
    expect(perms.objects.task.fields.status.edit).toEqual(v(true, "fieldRule"));
    expect(perms.objects.task.fields.body.edit).toEqual(v(false, "baseline"));
    expect(perms.objects.task.fields.title.edit).toEqual(v(false, "baseline")); // label follows the object
  });

  it("create inherits like the other switches: baseline, then object rule; the label field follows it", () => {
    const role: RoleDefinition = {
      ...base,
      canCreateAllObjects: true,
      objectRules: [{ object: "note", canCreate: false }, { object: "task", canCreate: null, canEdit: true }],
      fieldRules: [{ object: "person", field: "email", canSee: true, canEdit: false }],
    };
    const perms = resolvePermissions(role, demoSchema);
    expect(perms.objects.person.create).toEqual(v(true, "baseline"));
    expect(perms.objects.note.create).toEqual(v(false, "objectRule"));
    expect(perms.objects.task.create).toEqual(v(true, "baseline"));
    // Create without edit: fields take their value at creation, unless a field rule makes them read-only.
    expect(perms.objects.person.edit).toEqual(v(false, "baseline"));
    expect(perms.objects.person.fields.city.create).toEqual(v(true, "baseline"));
    expect(perms.objects.person.fields.name.create).toEqual(v(true, "baseline"));
    expect(perms.objects.person.fields.email.create).toEqual(v(false, "fieldRule"));
    expect(perms.objects.person.fields.id.create).toEqual(v(false, "fixed"));
    expect(perms.objects.note.fields.title.create).toEqual(v(false, "objectRule"));
  });

  it("a field rule granting Edit does not grant create (Support: Stage of Opportunities)", () => {
    const perms = resolvePermissions(supportRole, demoSchema);
    expect(perms.objects.opportunity.create).toEqual(v(false, "baseline"));
    expect(perms.objects.opportunity.fields.stage.edit).toEqual(v(true, "fieldRule"));
    expect(perms.objects.opportunity.fields.stage.create).toEqual(v(false, "baseline"));
  });

  it("a field rule never reveals a field of a hidden object", () => {
    const role: RoleDefinition = {
      ...base,
      objectRules: [{ object: "opportunity", canSee: false }],
      fieldRules: [{ object: "opportunity", field: "amount", canSee: true, canEdit: true }],
    };
    const amount = resolvePermissions(role, demoSchema).objects.opportunity.fields.amount;
    expect(amount.see).toEqual(v(false, "fixed"));
    expect(amount.edit).toEqual(v(false, "fixed"));
  });

  it("clamps object edit/delete/destroy to false when see is off, reported as fixed", () => {
    const inconsistent: RoleDefinition = {
      ...memberRole,
      [BASELINE_SWITCHES.destroy]: true,
      objectRules: [{ object: "note", canSee: false }],
    };
    const note = resolvePermissions(inconsistent, demoSchema).objects.note;
    expect([note.see, note.create, note.edit, note.delete, note.destroy]).toEqual([
      v(false, "objectRule"),
      v(false, "fixed"),
      v(false, "fixed"),
      v(false, "fixed"),
      v(false, "fixed"),
    ]);
  });

  it("clamps a hidden field's inherited edit, attributing it to the field rule that hides it", () => {
    const role: RoleDefinition = {
      ...memberRole,
      fieldRules: [{ object: "person", field: "phone", canSee: false }],
    };
    const phone = resolvePermissions(role, demoSchema).objects.person.fields.phone;
    expect(phone.see).toEqual(v(false, "fieldRule"));
    expect(phone.edit).toEqual(v(false, "fieldRule"));
  });

  it("a field rule with only canEdit keeps see inherited", () => {
    const role: RoleDefinition = { ...base, fieldRules: [{ object: "note", field: "body", canEdit: true }] };
    const body = resolvePermissions(role, demoSchema).objects.note.fields.body;
    expect(body.see).toEqual(v(true, "baseline"));
    expect(body.edit).toEqual(v(true, "fieldRule"));
  });

  it("ignores rules on label and system fields, and on unknown objects and fields", () => {
    const role: RoleDefinition = {
      ...memberRole,
      objectRules: [{ object: "ghost", canSee: false }],
      fieldRules: [
        { object: "person", field: "name", canSee: false, canEdit: false },
        { object: "person", field: "id", canSee: true, canEdit: true },
        { object: "person", field: "ghost", canSee: false },
        { object: "ghost", field: "name", canSee: false },
      ],
    };
    const perms = resolvePermissions(role, demoSchema);
    expect(perms.objects.person.fields.name).toMatchObject({ see: v(true, "fixed"), edit: v(true, "baseline") });
    expect(perms.objects.person.fields.id).toMatchObject({ see: v(true, "fixed"), edit: v(false, "fixed") });
    expect(Object.keys(perms.objects)).toEqual(["person", "company", "opportunity", "note", "task"]);
  });

  it("with duplicate rules the last one wins (validation rejects duplicates anyway)", () => {
    const role: RoleDefinition = {
      ...base,
      objectRules: [
        { object: "note", canEdit: true },
        { object: "note", canEdit: false },
      ],
      fieldRules: [
        { object: "note", field: "body", canSee: false, canEdit: false },
        { object: "note", field: "body", canSee: true, canEdit: true },
      ],
    };
    const note = resolvePermissions(role, demoSchema).objects.note;
    expect(note.edit).toEqual(v(false, "objectRule"));
    expect(note.fields.body.edit).toEqual(v(true, "fieldRule"));
  });

  it("a null override inherits like an absent one", () => {
    const role: RoleDefinition = {
      ...base,
      objectRules: [{ object: "note", canSee: null, canEdit: null, canDelete: null, canDestroy: null }],
      fieldRules: [{ object: "note", field: "body", canSee: null, canEdit: null }],
    };
    const note = resolvePermissions(role, demoSchema).objects.note;
    expect(note.see).toEqual(v(true, "baseline"));
    expect(note.edit).toEqual(v(false, "baseline"));
    expect(note.fields.body.see).toEqual(v(true, "baseline"));
  });

  it("unknown settings and action keys grant nothing", () => {
    const role: RoleDefinition = { ...base, settings: ["ROOT"], actions: ["LAUNCH_ROCKETS", "SEND_EMAIL"] };
    const perms = resolvePermissions(role, demoSchema);
    expect(Object.keys(perms.settings)).not.toContain("ROOT");
    expect(perms.actions.SEND_EMAIL).toEqual(v(true, "baseline"));
    expect(Object.keys(perms.actions)).toEqual(["SEND_EMAIL", "IMPORT_CSV", "EXPORT_CSV"]);
  });

  it("keeps objects named like Object.prototype members as plain keys", () => {
    const schema: WorkspaceSchema = { objects: [{ name: "__proto__", fields: [{ name: "constructor" }] }] };
    const perms = resolvePermissions(base, schema);
    expect(Object.keys(perms.objects)).toEqual(["__proto__"]);
    expect(perms.objects["__proto__"].fields["constructor"].see.value).toBe(true);
  });

  it("serialises to JSON without the internal index", () => {
    const json = JSON.parse(JSON.stringify(resolvePermissions(internRole, demoSchema)));
    expect(Object.keys(json).sort()).toEqual(["actions", "actionsAllAccess", "isAdmin", "objects", "settings", "settingsAllAccess"]);
    expect(json.objects.person.fields.email.edit).toEqual({ value: false, source: "fieldRule" });
  });

  it("shares frozen resolved values, so a UI cannot corrupt them", () => {
    const perms = resolvePermissions(internRole, demoSchema);
    expect(Object.isFrozen(perms.objects.company.see)).toBe(true);
    expect(() => {
      (perms.objects.company.see as { value: boolean }).value = false;
    }).toThrow(TypeError);
  });
});
