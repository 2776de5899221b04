import { PERMISSION_SOURCES } from "./constants";
import type { PermissionSource, ResolvedValue } from "./types";

/**
 * There are only ten distinct resolved values (two booleans × five sources). Sharing frozen
 * instances keeps resolvePermissions allocation-light and makes the view safe to hand to UIs:
 * nobody can flip a shared value by accident.
 */
const INTERNED = Object.fromEntries(
  PERMISSION_SOURCES.map((source) => [
    source,
    [Object.freeze({ value: false, source }), Object.freeze({ value: true, source })] as const,
  ]),
) as Record<PermissionSource, readonly [ResolvedValue, ResolvedValue]>;

export function resolved(value: boolean, source: PermissionSource): ResolvedValue {
  return INTERNED[source][value ? 1 : 0];
}
