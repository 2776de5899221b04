/**
 * The view of one's own effective permissions that may leave the server (REST `me/permissions`):
 * the engine's readable view, without the fields the holder cannot see. A hidden field's name
 * belongs to the records it is hidden in (SPEC §16); the holder learns that it cannot see
 * something only where it asks for it by name (a filter, a check), as §9 answers.
 */
import type { EffectivePermissions, GrantPart, ObjectPermissions } from "./types";

export type ReadablePermissions = Omit<EffectivePermissions, symbol | "grants"> & { readonly grants?: readonly { readonly grant: GrantPart["grant"]; readonly permissions: ReadablePermissions }[] };

export function readablePermissions(perms: EffectivePermissions): ReadablePermissions {
  const grants = perms.grants?.map((part) => ({ grant: part.grant, permissions: readablePermissions(part.permissions) }));
  const objects = Object.fromEntries(
    Object.entries(perms.objects).map(([name, object]): [string, ObjectPermissions] => [
      name,
      { ...object, fields: Object.fromEntries(Object.entries(object.fields).filter(([, field]) => field.see.value)) },
    ]),
  );
  return { isAdmin: perms.isAdmin, settingsAllAccess: perms.settingsAllAccess, actionsAllAccess: perms.actionsAllAccess, objects, settings: perms.settings, actions: perms.actions, ...(grants ? { grants } : {}) };
}
