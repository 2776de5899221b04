import { describe, expect, it } from "vitest";
import { adminRole, demoSchema, internRole } from "./fixtures";
import { maskRecord, maskRecords } from "./mask";
import { resolvePermissions } from "./resolve";
import type { WorkspaceSchema } from "./types";

const intern = resolvePermissions(internRole, demoSchema);

const ada = {
  id: "p1",
  name: "Ada Lovelace",
  email: "ada@example.com",
  phone: "+44 20 0000",
  address: "12 St James's Square",
  city: "London",
  jobTitle: "Analyst",
  companyId: null,
  ownerId: null,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-02T00:00:00Z",
};

describe("maskRecord", () => {
  it("removes the hidden field's key entirely (absent, not null) and keeps the rest", () => {
    const masked = maskRecord(intern, "person", ada);
    expect(masked).not.toBeNull();
    expect(masked).not.toHaveProperty("address");
    const { address: _hidden, ...expected } = ada;
    expect(masked).toEqual(expected);
  });

  it("returns a new object and leaves the input untouched", () => {
    const input = { ...ada };
    const masked = maskRecord(intern, "person", input);
    expect(masked).not.toBe(input);
    expect(input).toEqual(ada);
  });

  it("returns null for a hidden or unknown object", () => {
    expect(maskRecord(intern, "opportunity", { id: "o1", name: "Big deal", amount: 1000 })).toBeNull();
    expect(maskRecord(intern, "ghost", { id: "g1" })).toBeNull();
  });

  it("drops keys that are not fields of the object, even for Admin", () => {
    const admin = resolvePermissions(adminRole, demoSchema);
    expect(maskRecord(admin, "note", { id: "n1", title: "Hi", passwordHash: "x", body: "…" })).toEqual({
      id: "n1",
      title: "Hi",
      body: "…",
    });
  });

  it("does not invent missing keys and keeps explicit null and undefined values", () => {
    expect(maskRecord(intern, "person", { id: "p1", email: null, city: undefined })).toEqual({
      id: "p1",
      email: null,
      city: undefined,
    });
    expect(Object.keys(maskRecord(intern, "person", { id: "p1", email: null, city: undefined })!)).toEqual([
      "id",
      "email",
      "city",
    ]);
  });

  it("ignores inherited properties of the input", () => {
    const inherited = Object.create({ email: "leak@example.com" }) as Record<string, unknown>;
    inherited.id = "p1";
    expect(maskRecord(intern, "person", inherited)).toEqual({ id: "p1" });
  });

  it("copies a field named __proto__ as a key instead of setting the prototype", () => {
    const schema: WorkspaceSchema = { objects: [{ name: "odd", fields: [{ name: "__proto__" }, { name: "x" }] }] };
    const perms = resolvePermissions(adminRole, schema);
    const record = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const masked = maskRecord(perms, "odd", record)!;
    expect(Object.keys(masked)).toEqual(["__proto__", "x"]);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect((masked as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe("maskRecords", () => {
  it("masks every record like maskRecord", () => {
    const records = [ada, { ...ada, id: "p2", address: "elsewhere" }, { id: "p3" }];
    expect(maskRecords(intern, "person", records)).toEqual(records.map((record) => maskRecord(intern, "person", record)));
  });

  it("returns null for a hidden object and [] for an empty list", () => {
    expect(maskRecords(intern, "opportunity", [{ id: "o1" }])).toBeNull();
    expect(maskRecords(intern, "person", [])).toEqual([]);
  });
});
