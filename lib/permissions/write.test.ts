import { describe, expect, it } from "vitest";
import { adminRole, demoSchema, guestRole, internRole, memberRole, supportRole } from "./fixtures";
import { resolvePermissions } from "./resolve";
import type { RoleDefinition } from "./types";
import { checkDelete, checkWrite } from "./write";

const intern = resolvePermissions(internRole, demoSchema);
const guest = resolvePermissions(guestRole, demoSchema);
const member = resolvePermissions(memberRole, demoSchema);
const admin = resolvePermissions(adminRole, demoSchema);

describe("checkWrite — Intern", () => {
  it("updates editable person fields", () => {
    expect(checkWrite(intern, "person", { name: "Ada", city: "Paris", jobTitle: "CTO" }, "update")).toEqual({ ok: true });
  });

  it("creates a person with editable fields", () => {
    expect(checkWrite(intern, "person", { name: "Ada", phone: "+33" }, "create")).toEqual({ ok: true });
  });

  it("refuses a read-only field and names it", () => {
    expect(checkWrite(intern, "person", { city: "Paris", email: "x@y.z" }, "update")).toEqual({
      ok: false,
      code: "FIELD_READ_ONLY",
      field: "email",
    });
  });

  it("refuses a hidden field instead of silently dropping it", () => {
    expect(checkWrite(intern, "person", { address: "1 Main St" }, "update")).toEqual({
      ok: false,
      code: "FIELD_NOT_VISIBLE",
      field: "address",
    });
  });

  it("refuses system fields as read-only, even for Admin", () => {
    expect(checkWrite(intern, "person", { id: "p2" }, "update")).toEqual({ ok: false, code: "FIELD_READ_ONLY", field: "id" });
    expect(checkWrite(admin, "person", { name: "A", createdAt: "2020" }, "create")).toEqual({
      ok: false,
      code: "FIELD_READ_ONLY",
      field: "createdAt",
    });
  });

  it("refuses unknown fields", () => {
    expect(checkWrite(intern, "person", { name: "A", nickname: "Ace" }, "update")).toEqual({
      ok: false,
      code: "UNKNOWN_FIELD",
      field: "nickname",
    });
    expect(checkWrite(admin, "person", { toString: "x" }, "update")).toMatchObject({ code: "UNKNOWN_FIELD" });
  });

  it("reports the first offending field in input order", () => {
    expect(checkWrite(intern, "person", { nickname: "x", address: "y", email: "z" }, "update")).toMatchObject({
      field: "nickname",
    });
    expect(checkWrite(intern, "person", { email: "z", address: "y" }, "update")).toMatchObject({ field: "email" });
  });

  it("refuses hidden and read-only objects", () => {
    expect(checkWrite(intern, "opportunity", { name: "Deal" }, "create")).toEqual({ ok: false, code: "OBJECT_NOT_VISIBLE" });
    expect(checkWrite(intern, "opportunity", { name: "Deal" }, "update")).toEqual({ ok: false, code: "OBJECT_NOT_VISIBLE" });
    expect(checkWrite(intern, "ghost", {}, "update")).toEqual({ ok: false, code: "OBJECT_NOT_VISIBLE" });
    expect(checkWrite(intern, "company", { domain: "acme.dev" }, "create")).toEqual({ ok: false, code: "OBJECT_NOT_CREATABLE" });
    expect(checkWrite(intern, "company", { domain: "acme.dev" }, "update")).toEqual({ ok: false, code: "OBJECT_NOT_EDITABLE" });
    expect(checkWrite(guest, "task", {}, "update")).toEqual({ ok: false, code: "OBJECT_NOT_EDITABLE" });
  });

  it("accepts an empty patch on an editable object", () => {
    expect(checkWrite(intern, "person", {}, "update")).toEqual({ ok: true });
  });
});

describe("checkWrite — a field rule granting edit on a read-only object", () => {
  const support: RoleDefinition = {
    ...guestRole,
    fieldRules: [{ object: "task", field: "status", canSee: true, canEdit: true }],
  };
  const perms = resolvePermissions(support, demoSchema);

  it("allows an update of that field only", () => {
    expect(checkWrite(perms, "task", { status: "DONE" }, "update")).toEqual({ ok: true });
    expect(checkWrite(perms, "task", { status: "DONE", body: "x" }, "update")).toEqual({
      ok: false,
      code: "FIELD_READ_ONLY",
      field: "body",
    });
  });

  it("does not allow creating records", () => {
    expect(checkWrite(perms, "task", { status: "TODO" }, "create")).toEqual({ ok: false, code: "OBJECT_NOT_CREATABLE" });
  });
});

describe("checkWrite — create is distinct from edit (SPEC §13)", () => {
  const editNoCreate = resolvePermissions({ ...memberRole, canCreateAllObjects: false }, demoSchema);
  const createNoEdit = resolvePermissions(
    {
      ...guestRole,
      canCreateAllObjects: true,
      fieldRules: [
        { object: "person", field: "email", canSee: true, canEdit: false }, // "See field"
        { object: "person", field: "address", canSee: false, canEdit: false }, // "No access"
      ],
    },
    demoSchema,
  );

  it("refuses create to a role that edits but may not create, and still lets it update", () => {
    expect(checkWrite(editNoCreate, "person", { name: "Ada" }, "create")).toEqual({ ok: false, code: "OBJECT_NOT_CREATABLE" });
    expect(checkWrite(editNoCreate, "person", { name: "Ada", city: "Paris" }, "update")).toEqual({ ok: true });
  });

  it("lets a role that creates but does not edit give values at creation, except to read-only or hidden fields", () => {
    expect(checkWrite(createNoEdit, "person", { name: "Ada", city: "Paris" }, "create")).toEqual({ ok: true });
    expect(checkWrite(createNoEdit, "person", { name: "Ada", email: "a@b.c" }, "create")).toEqual({
      ok: false,
      code: "FIELD_READ_ONLY",
      field: "email",
    });
    expect(checkWrite(createNoEdit, "person", { address: "1 Main St" }, "create")).toEqual({
      ok: false,
      code: "FIELD_NOT_VISIBLE",
      field: "address",
    });
    expect(checkWrite(createNoEdit, "person", { city: "Paris" }, "update")).toEqual({ ok: false, code: "OBJECT_NOT_EDITABLE" });
  });

  it("Support: creates nothing, but updates the Stage of an opportunity and nothing else", () => {
    const support = resolvePermissions(supportRole, demoSchema);
    for (const object of demoSchema.objects) {
      expect(checkWrite(support, object.name, { [object.fields[1].name]: "x" }, "create")).toEqual({ ok: false, code: "OBJECT_NOT_CREATABLE" });
    }
    expect(checkWrite(support, "opportunity", { stage: "WON" }, "update")).toEqual({ ok: true });
    expect(checkWrite(support, "opportunity", { name: "Renamed" }, "update")).toEqual({ ok: false, code: "FIELD_READ_ONLY", field: "name" });
    expect(checkWrite(support, "person", { city: "Paris" }, "update")).toEqual({ ok: false, code: "OBJECT_NOT_EDITABLE" });
  });

  it("the Intern creates People exactly as it edits them (create was split from edit, behaviour kept)", () => {
    expect(checkWrite(intern, "person", { name: "Ada", email: "a@b.c" }, "create")).toMatchObject({ code: "FIELD_READ_ONLY", field: "email" });
    expect(checkWrite(intern, "person", { name: "Ada", address: "x" }, "create")).toMatchObject({ code: "FIELD_NOT_VISIBLE", field: "address" });
    expect(checkWrite(intern, "company", { name: "Acme" }, "create")).toEqual({ ok: false, code: "OBJECT_NOT_CREATABLE" });
  });
});

describe("checkDelete", () => {
  it.each([
    ["intern", intern, "person", "delete", { ok: false, code: "OBJECT_NOT_DELETABLE" }],
    ["intern", intern, "person", "restore", { ok: false, code: "OBJECT_NOT_DELETABLE" }],
    ["intern", intern, "person", "destroy", { ok: false, code: "OBJECT_NOT_DESTROYABLE" }],
    ["intern", intern, "opportunity", "delete", { ok: false, code: "OBJECT_NOT_VISIBLE" }],
    ["intern", intern, "ghost", "destroy", { ok: false, code: "OBJECT_NOT_VISIBLE" }],
    ["member", member, "company", "delete", { ok: true }],
    ["member", member, "company", "restore", { ok: true }],
    ["member", member, "company", "destroy", { ok: false, code: "OBJECT_NOT_DESTROYABLE" }],
    ["admin", admin, "company", "destroy", { ok: true }],
    ["guest", guest, "note", "restore", { ok: false, code: "OBJECT_NOT_DELETABLE" }],
  ] as const)("%s: %s %s %s", (_role, perms, object, operation, expected) => {
    expect(checkDelete(perms, object, operation)).toEqual(expected);
  });

  it("destroy without delete is allowed when destroy is granted", () => {
    const perms = resolvePermissions({ ...guestRole, objectRules: [{ object: "note", canDestroy: true }] }, demoSchema);
    expect(checkDelete(perms, "note", "destroy")).toEqual({ ok: true });
    expect(checkDelete(perms, "note", "restore")).toEqual({ ok: false, code: "OBJECT_NOT_DELETABLE" });
  });
});
