import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OBJECT_ACTIONS } from "./constants";
import { inheritedValue, objectValue, setBaselineSwitch, setObjectRuleSwitch } from "./consistency";
import { demoSchema, guestRole, internRole, memberRole, salesRepRole, supportRole } from "./fixtures";
import { validateRoleDefinition } from "./validate";
import type { RoleDefinition } from "./types";

const OBJECTS = demoSchema.objects.map((object) => object.name);
const SEE_RULES = new Set(["EDIT_WITHOUT_SEE", "FIELD_VISIBLE_ON_HIDDEN_OBJECT"]);

/** An edit a person makes with a switch: on or off, on the baseline or on one object's rule. */
const editArb = fc.record({
  object: fc.option(fc.constantFrom(...OBJECTS), { nil: null }),
  action: fc.constantFrom(...OBJECT_ACTIONS),
  value: fc.boolean(),
});

describe("consistency rules shared by the editor and validation", () => {
  it("any sequence of switch edits from a built-in role leaves nothing validation would refuse for See", () => {
    fc.assert(
      fc.property(fc.constantFrom(guestRole, memberRole, internRole, supportRole, salesRepRole), fc.array(editArb, { maxLength: 12 }), (start, edits) => {
        let role: RoleDefinition = start;
        for (const { object, action, value } of edits) {
          role = object === null ? setBaselineSwitch(role, action, value) : setObjectRuleSwitch(role, object, action, value);
          // The switch shows what was chosen: an edit is never silently undone.
          expect(object === null ? inheritedValue(role, undefined, action) : objectValue(role, object, action)).toBe(value);
        }
        expect(validateRoleDefinition(role, demoSchema).filter((issue) => SEE_RULES.has(issue.code))).toEqual([]);
      }),
    );
  });
});
