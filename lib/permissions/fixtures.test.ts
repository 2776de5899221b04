import { describe, expect, it } from "vitest";
import { canAssignRole } from "./assign";
import { adminRole, demoSchema, guestRole, internRole, memberRole } from "./fixtures";

describe("fixtures", () => {
  it("demoSchema has the five standard objects with their label and system fields", () => {
    const summary = Object.fromEntries(
      demoSchema.objects.map((object) => [
        object.name,
        {
          label: object.fields.filter((field) => field.isLabel).map((field) => field.name),
          system: object.fields.filter((field) => field.isSystem).map((field) => field.name),
          regular: object.fields.filter((field) => !field.isLabel && !field.isSystem).map((field) => field.name),
        },
      ]),
    );
    const system = ["id", "createdAt", "updatedAt"];
    expect(summary).toEqual({
      person: { label: ["name"], system, regular: ["email", "phone", "address", "city", "jobTitle", "companyId", "ownerId"] },
      company: { label: ["name"], system, regular: ["domain", "employees", "address", "ownerId"] },
      opportunity: { label: ["name"], system, regular: ["amount", "stage", "closeDate", "companyId", "ownerId"] },
      note: { label: ["title"], system, regular: ["body"] },
      task: { label: ["title"], system, regular: ["body", "dueAt", "status"] },
    });
  });

  it("are deeply frozen, so a test cannot change them for the next one", () => {
    for (const fixture of [demoSchema, adminRole, memberRole, guestRole, internRole]) expect(Object.isFrozen(fixture)).toBe(true);
    expect(Object.isFrozen(demoSchema.objects[0].fields[0])).toBe(true);
    expect(Object.isFrozen(internRole.fieldRules[0])).toBe(true);
    expect(() => (internRole.actions as string[]).push("SEND_EMAIL")).toThrow(TypeError);
  });

  it("only Admin is an admin, and Admin is not assignable to agents", () => {
    expect([adminRole, memberRole, guestRole, internRole].map((role) => role.isAdmin)).toEqual([true, false, false, false]);
    expect(canAssignRole(adminRole, "agent")).toBe(false);
  });
});
