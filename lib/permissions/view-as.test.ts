import { describe, expect, it } from "vitest";
import { can, canAction, canSetting } from "./check";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { adminRole, demoSchema, guestRole, internRole, memberRole } from "./fixtures";
import { resolvePermissions } from "./resolve";
import { readOnlyProjection } from "./view-as";

const objects = demoSchema.objects;

describe("readOnlyProjection (View as)", () => {
  it("sees exactly what the role sees, field by field, and can change nothing", () => {
    for (const role of [adminRole, memberRole, guestRole, internRole]) {
      const own = resolvePermissions(role, demoSchema);
      const view = resolvePermissions(readOnlyProjection(role), demoSchema);
      for (const object of objects) {
        expect(can(view, "see", object.name)).toBe(can(own, "see", object.name));
        for (const field of object.fields) expect(can(view, "see", object.name, field.name)).toBe(can(own, "see", object.name, field.name));
        for (const action of OBJECT_ACTIONS.filter((candidate) => candidate !== "see")) expect(can(view, action, object.name)).toBe(false);
        for (const field of object.fields) expect(can(view, "edit", object.name, field.name)).toBe(false);
      }
      for (const key of SETTINGS_PERMISSIONS) expect(canSetting(view, key)).toBe(false);
      for (const key of ACTION_PERMISSIONS) expect(canAction(view, key)).toBe(key === "EXPORT_CSV" && canAction(own, key));
    }
  });
});
