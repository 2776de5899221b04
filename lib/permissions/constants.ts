/**
 * The closed vocabularies of the permission model (SPEC §2). Every other module derives its
 * types from these arrays, so adding a permission is a one-line change here.
 */

/**
 * What a role may do with the records of an object. Order matters: it is the display order,
 * the records' life cycle (SPEC §13 puts Create next to Edit, as a distinct switch).
 */
export const OBJECT_ACTIONS = ["see", "create", "edit", "delete", "destroy"] as const;

/**
 * The object actions that have an answer per field (records are deleted and destroyed whole).
 * Authority, diffs and guardrails iterate this list, so a field action cannot be left out.
 */
export const FIELD_ACTIONS = ["see", "create", "edit"] as const satisfies readonly (typeof OBJECT_ACTIONS)[number][];

/** Workspace configuration pages and the server actions behind them (SPEC §2.5). */
export const SETTINGS_PERMISSIONS = [
  "API_KEYS_AND_WEBHOOKS",
  "WORKSPACE",
  "MEMBERS",
  "ROLES",
  "DATA_MODEL",
  "SECURITY",
  "WORKFLOWS",
] as const;

/** General workspace actions (SPEC §2.6). */
export const ACTION_PERMISSIONS = ["SEND_EMAIL", "IMPORT_CSV", "EXPORT_CSV"] as const;

/** Who can hold a role (SPEC §4). */
export const PRINCIPAL_KINDS = ["member", "apiKey", "agent"] as const;

/** Where an effective value comes from; shown as "inherited" / "overridden" in the editor. */
export const PERMISSION_SOURCES = ["admin", "baseline", "objectRule", "fieldRule", "fixed"] as const;

/** SPEC §3: a role name is 1–100 characters (Unicode code points) after trimming. */
export const ROLE_NAME_MAX_LENGTH = 100;
