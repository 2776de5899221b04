import { describe, expect, it } from "vitest";
import { objectCapabilities } from "./capabilities";
import { demoSchema, internRole } from "./fixtures";
import { resolvePermissions } from "./resolve";

const person = {
  nameSingular: "person",
  fields: [
    { name: "id", type: "UUID", isSystem: true },
    { name: "name", type: "TEXT", isSystem: false },
    { name: "email", type: "EMAIL", isSystem: false },
    { name: "address", type: "TEXT", isSystem: false },
    { name: "jobTitle", type: "TEXT", isSystem: false },
    { name: "companyId", type: "RELATION", isSystem: false, relationTarget: "company" },
  ],
};

describe("objectCapabilities", () => {
  const intern = resolvePermissions(internRole, demoSchema);

  it("answers the Intern on People as the write path would (SPEC §13)", () => {
    const capabilities = objectCapabilities(intern, person);
    expect(capabilities).toMatchObject({ see: true, create: true, update: true, delete: false, destroy: false });
    expect(capabilities.visibleFields).not.toContain("address");
    expect(capabilities.editableFields).toEqual(["name", "jobTitle", "companyId"]);
    expect(capabilities.creatableFields).not.toContain("email");
  });

  it("never offers a system field, nor a relation towards an object the role cannot see", () => {
    const towardsHidden = { ...person, fields: person.fields.map((field) => (field.name === "companyId" ? { ...field, relationTarget: "opportunity" } : field)) };
    const capabilities = objectCapabilities(intern, towardsHidden);
    expect(capabilities.editableFields).not.toContain("id");
    expect(capabilities.editableFields).not.toContain("companyId");
    expect(capabilities.creatableFields).not.toContain("companyId");
  });

  it("answers nothing for an object the role cannot see", () => {
    expect(objectCapabilities(intern, { nameSingular: "opportunity", fields: [] })).toMatchObject({ see: false, create: false, update: false });
  });
});
