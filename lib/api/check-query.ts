/**
 * `GET /api/rest/me/check`: one question per request, in one of three shapes.
 *   ?action=see&object=people[&field=email]   object or field permission (see, create, edit, delete, destroy)
 *   ?setting=ROLES                            a settings permission
 *   ?action=EXPORT_CSV                        a workspace action
 */
import { z } from "zod";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "@/lib/permissions";
import { parseOrThrow } from "@/lib/validation";

export const objectCheckSchema = z.strictObject({
  action: z.enum(OBJECT_ACTIONS).describe("see, create, edit, delete or destroy"),
  object: z.string().min(1).max(100).describe("The object, by REST name (`people`) or singular name (`person`)."),
  field: z.string().min(1).max(100).optional().describe("A field of the object, for see/create/edit on that field."),
});

export const settingCheckSchema = z.strictObject({
  setting: z.enum(SETTINGS_PERMISSIONS).describe("A settings permission."),
});

export const actionCheckSchema = z.strictObject({
  action: z.enum(ACTION_PERMISSIONS).describe("A workspace action."),
});

export type CheckQuery =
  | { kind: "object"; action: (typeof OBJECT_ACTIONS)[number]; object: string; field?: string }
  | { kind: "setting"; key: (typeof SETTINGS_PERMISSIONS)[number] }
  | { kind: "action"; key: (typeof ACTION_PERMISSIONS)[number] };

/** Picks the shape from the parameters present, so each error names the right parameter. */
export function parseCheckQuery(params: Record<string, string>): CheckQuery {
  if ("setting" in params) return { kind: "setting", key: parseOrThrow(settingCheckSchema, params, "query").setting };
  if ("object" in params || (OBJECT_ACTIONS as readonly string[]).includes(params.action)) {
    const query = parseOrThrow(objectCheckSchema, params, "query");
    return { kind: "object", action: query.action, object: query.object, ...(query.field ? { field: query.field } : {}) };
  }
  return { kind: "action", key: parseOrThrow(actionCheckSchema, params, "query").action };
}
