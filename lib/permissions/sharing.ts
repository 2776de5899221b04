/**
 * Sharing one record (docs/reference.md §19): may this principal give a member or a team `Can view` or
 * `Can edit` on this record? Only where a grant of its own allows sharing the object
 * (`Allow sharing`) and reaches the record (by its rules, or by a share it received), and only
 * what it can do itself: `Can edit` needs a grant that may edit this very record. Pure.
 */
import { can } from "./check";
import { FAST_INDEX } from "./fast-index";
import { partsOf } from "./grants";
import { evaluatePredicate, recordRulePredicate, type RecordPrincipal } from "./record-rule";
import type { EffectivePermissions } from "./types";

export const SHARE_ACCESS = ["view", "edit"] as const;
export type ShareAccess = (typeof SHARE_ACCESS)[number];

export type ShareCheck = { readonly ok: true } | { readonly ok: false; readonly code: "OBJECT_NOT_VISIBLE" | "SHARING_NOT_ALLOWED" | "SHARE_EXCEEDS" };

export function checkShare(perms: EffectivePermissions, object: string, access: ShareAccess, record: Readonly<Record<string, unknown>>, principal: RecordPrincipal): ShareCheck {
  if (!can(perms, "see", object)) return { ok: false, code: "OBJECT_NOT_VISIBLE" };
  // Admin holds everything (docs/reference.md §11), sharing included.
  if (perms.isAdmin) return { ok: true };
  const reaches = (part: EffectivePermissions, reach: "view" | "edit") => evaluatePredicate(recordRulePredicate(part.objects[object].records.rule, principal, reach), record);
  const sharing = partsOf(perms).filter((part) => can(part, "see", object) && part.objects[object].allowSharing === true);
  if (!sharing.some((part) => reaches(part, "view"))) return { ok: false, code: "SHARING_NOT_ALLOWED" };
  if (access === "view") return { ok: true };
  // `Can edit` only from a grant that may edit this record itself (a `Can view` share received is not enough).
  const edits = sharing.some((part) => part[FAST_INDEX].objects.get(object)!.editableFields.length > 0 && reaches(part, "edit"));
  return edits ? { ok: true } : { ok: false, code: "SHARE_EXCEEDS" };
}

/** May the principal share this object at all (the `Share` button shows then)? */
export function maySomeShare(perms: EffectivePermissions, object: string): boolean {
  if (perms.isAdmin) return can(perms, "see", object);
  return partsOf(perms).some((part) => can(part, "see", object) && part.objects[object].allowSharing === true);
}
