/**
 * What the browser offers to request (docs/reference.md §18), from the engine's smallest grant: the grant a
 * refusal needs, and on `My role` every permission the member lacks, each named with the
 * reader's labels. Pure: the caller passes the objects with their (translated) labels.
 */
import type { NeededGrant } from "@/lib/errors";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS, smallestGrant, type EffectivePermissions, type GrantItem, type RefusedCheck } from "@/lib/permissions";

export interface LabelledObject {
  readonly nameSingular: string;
  readonly namePlural: string;
  readonly labelPlural: string;
  readonly fields?: readonly { readonly name: string; readonly label: string }[];
}

/** A grant item as a refusal carries it: the object's REST name, the reader's labels. */
export function toNeededGrant(item: GrantItem, objects: readonly LabelledObject[]): NeededGrant {
  if (item.kind === "setting" || item.kind === "action") return { permission: { kind: item.kind, key: item.key } };
  const object = objects.find((candidate) => candidate.nameSingular === item.object);
  const field = item.kind === "field" ? item.field : undefined;
  return {
    permission: { kind: item.kind, action: item.action, object: object?.namePlural ?? item.object, ...(field ? { field } : {}) },
    labels: { object: object?.labelPlural ?? item.object, ...(field ? { field: object?.fields?.find((candidate) => candidate.name === field)?.label ?? field } : {}) },
  };
}

/** What would allow `check`, or null when it is allowed (or can never be). */
export function neededFor(perms: EffectivePermissions, check: RefusedCheck, objects: readonly LabelledObject[]): NeededGrant | null {
  const grant = smallestGrant(perms, check);
  return grant ? toNeededGrant(grant.item, objects) : null;
}

/** Every object action, settings permission and action the principal lacks, as requests it may send. */
export function requestableOptions(perms: EffectivePermissions, objects: readonly LabelledObject[]): NeededGrant[] {
  if (perms.isAdmin) return [];
  const options: NeededGrant[] = [];
  const seen = new Set<string>();
  const add = (needed: NeededGrant | null) => {
    if (!needed) return;
    const key = JSON.stringify(needed.permission);
    if (seen.has(key)) return;
    seen.add(key);
    options.push(needed);
  };
  for (const object of objects) {
    for (const action of OBJECT_ACTIONS) add(neededFor(perms, { kind: "object", action, object: object.nameSingular }, objects));
  }
  for (const key of SETTINGS_PERMISSIONS) add(neededFor(perms, { kind: "setting", key }, objects));
  for (const key of ACTION_PERMISSIONS) add(neededFor(perms, { kind: "action", key }, objects));
  return options;
}
