/**
 * What a principal can do with one object, as every channel describes it: the records UI (which
 * buttons and inputs it shows), the OpenAPI document (which operations and body fields it lists)
 * and the agents' `list_objects`. One derivation, so the three cannot disagree with each other or
 * with the write path (`checkWrite`), which refuses the same fields.
 */
import { can } from "./check";
import type { EffectivePermissions } from "./types";

export interface CapabilityField {
  readonly name: string;
  readonly type: string;
  /** Id and timestamps: shown, never written. */
  readonly isSystem: boolean;
  /** For a relation, the singular name of the object it points to. */
  readonly relationTarget?: string | null;
}

export interface CapabilityObject {
  readonly nameSingular: string;
  readonly fields: readonly CapabilityField[];
}

export interface ObjectCapabilities {
  readonly see: boolean;
  readonly create: boolean;
  /** Some field can be edited: the object's records can be changed at all. */
  readonly update: boolean;
  readonly delete: boolean;
  readonly destroy: boolean;
  /** Field names, in the object's order. */
  readonly visibleFields: readonly string[];
  readonly creatableFields: readonly string[];
  readonly editableFields: readonly string[];
}

/**
 * A field is writable in a mode when the role grants it, it is not a system field, and (for a
 * relation) the role can see the target: the write path refuses a relation towards a hidden object.
 */
function writable(permissions: EffectivePermissions, object: CapabilityObject, field: CapabilityField, action: "create" | "edit"): boolean {
  if (field.isSystem || !can(permissions, action, object.nameSingular, field.name)) return false;
  return field.type !== "RELATION" || (!!field.relationTarget && can(permissions, "see", field.relationTarget));
}

export function objectCapabilities(permissions: EffectivePermissions, object: CapabilityObject): ObjectCapabilities {
  const name = object.nameSingular;
  const visibleFields = object.fields.filter((field) => can(permissions, "see", name, field.name)).map((field) => field.name);
  const editableFields = object.fields.filter((field) => writable(permissions, object, field, "edit")).map((field) => field.name);
  return {
    see: can(permissions, "see", name),
    // Create is its own permission (SPEC §13), whatever the role may edit.
    create: can(permissions, "create", name),
    update: editableFields.length > 0,
    delete: can(permissions, "delete", name),
    destroy: can(permissions, "destroy", name),
    visibleFields,
    creatableFields: object.fields.filter((field) => writable(permissions, object, field, "create")).map((field) => field.name),
    editableFields,
  };
}
