/**
 * Write-side enforcement. A write that touches a field the role may not change is refused and
 * the field is named; nothing is ever silently dropped (the client would believe it was saved).
 */
import { CREATE_BIT, DELETE_BIT, DESTROY_BIT, EDIT_BIT, FAST_INDEX, SEE_BIT } from "./fast-index";
import type {
  DeleteCheck,
  DeleteErrorCode,
  DeleteOperation,
  EffectivePermissions,
  WriteCheck,
  WriteErrorCode,
  WriteMode,
} from "./types";

const OK = Object.freeze({ ok: true as const });

/**
 * May the role create a record with `values`, or apply the patch `values` to a record?
 *
 * - create needs object create (SPEC §13: distinct from edit), and every provided field
 *   creatable: visible and not made read-only by a field rule (the label field follows create);
 * - update needs every field of the patch editable, which a field rule may grant even when the
 *   object's records are otherwise read-only ("support may change Status only"). When no field
 *   of the object is editable at all the answer is OBJECT_NOT_EDITABLE rather than a field error.
 *
 * Fields are checked in the input's key order; the first offending one is reported.
 * System fields (id, timestamps) are read-only: strip them before calling.
 */
export function checkWrite(
  perms: EffectivePermissions,
  object: string,
  values: Readonly<Record<string, unknown>>,
  mode: WriteMode,
): WriteCheck {
  const entry = perms[FAST_INDEX].objects.get(object);
  // An unknown object answers like a hidden one, so that probing cannot tell them apart.
  if (entry === undefined || (entry.mask & SEE_BIT) === 0) return refuse("OBJECT_NOT_VISIBLE");
  if (mode === "create" ? (entry.mask & CREATE_BIT) === 0 : entry.editableFields.length === 0) {
    return refuse(mode === "create" ? "OBJECT_NOT_CREATABLE" : "OBJECT_NOT_EDITABLE");
  }
  const writeBit = mode === "create" ? CREATE_BIT : EDIT_BIT;

  for (const field of Object.keys(values)) {
    const fieldMask = entry.fieldMasks.get(field);
    if (fieldMask === undefined) return refuse("UNKNOWN_FIELD", field);
    if ((fieldMask & SEE_BIT) === 0) return refuse("FIELD_NOT_VISIBLE", field);
    if ((fieldMask & writeBit) === 0) return refuse("FIELD_READ_ONLY", field);
  }
  return OK;
}

/** Soft delete and restore both need `delete` (SPEC §5); permanent deletion needs `destroy`. */
export function checkDelete(perms: EffectivePermissions, object: string, operation: DeleteOperation): DeleteCheck {
  const entry = perms[FAST_INDEX].objects.get(object);
  if (entry === undefined || (entry.mask & SEE_BIT) === 0) return refuseDelete("OBJECT_NOT_VISIBLE");
  if (operation === "destroy") {
    return (entry.mask & DESTROY_BIT) !== 0 ? OK : refuseDelete("OBJECT_NOT_DESTROYABLE");
  }
  return (entry.mask & DELETE_BIT) !== 0 ? OK : refuseDelete("OBJECT_NOT_DELETABLE");
}

function refuse(code: WriteErrorCode, field?: string): WriteCheck {
  return field === undefined ? { ok: false, code } : { ok: false, code, field };
}

function refuseDelete(code: DeleteErrorCode): DeleteCheck {
  return { ok: false, code };
}
