/**
 * Guardrails (SPEC §14): statements about a role that must stay true whatever is saved, e.g.
 * "Intern must never See field Address on People" or "Guest must never Export CSV". The engine
 * only judges them against resolved permissions; storing them and refusing the changes that break
 * them is the use cases' job, so every door (save, import, restore) asks the same question here.
 */
import { canAction, canSetting, can } from "./check";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { explain } from "./explain";
import type { ActionPermission, EffectivePermissions, ExplainQuery, ObjectAction, SettingsPermission, WorkspaceSchema } from "./types";

export const GUARDRAIL_MODES = ["always", "never"] as const;
export type GuardrailMode = (typeof GUARDRAIL_MODES)[number];

/**
 * `action` is an object action (with `object`, and `field` for see/edit on one field), a settings
 * permission key (`ROLES`) or a workspace action key (`EXPORT_CSV`); the three vocabularies are
 * disjoint, so one column names any permission a role can hold.
 */
export interface Guardrail {
  readonly id: string;
  /** What it is about: a role's id, or a member's (SPEC §17); checkGuardrails is given its permissions under this id. */
  readonly subjectId: string;
  readonly mode: GuardrailMode;
  readonly action: string;
  readonly object?: string | null;
  readonly field?: string | null;
}

export interface GuardrailRole {
  readonly id: string;
  readonly name: string;
  readonly permissions: EffectivePermissions;
}

export interface GuardrailResult {
  readonly guardrail: Guardrail;
  /** Does the role hold the permission the statement is about? */
  readonly allowed: boolean;
  readonly holds: boolean;
  /** The engine's sentence for the deciding value (explain), or why the statement cannot be judged. */
  readonly reason: string;
}

/** The permission a guardrail names, in the shape the catalogs' `permissions.name` pattern reads. */
export type GuardrailPermission =
  | { readonly kind: "object"; readonly action: ObjectAction; readonly object: string }
  | { readonly kind: "field"; readonly action: "see" | "edit"; readonly object: string; readonly field: string }
  | { readonly kind: "setting"; readonly key: SettingsPermission }
  | { readonly kind: "action"; readonly key: ActionPermission };

export type GuardrailIssue = "UNKNOWN_ACTION" | "UNKNOWN_OBJECT" | "UNKNOWN_FIELD" | "FIELD_NOT_RESTRICTABLE" | "VALIDATION_FAILED";

const isObjectAction = (action: string): action is ObjectAction => (OBJECT_ACTIONS as readonly string[]).includes(action);
const isSetting = (action: string): action is SettingsPermission => (SETTINGS_PERMISSIONS as readonly string[]).includes(action);
const isAction = (action: string): action is ActionPermission => (ACTION_PERMISSIONS as readonly string[]).includes(action);

/** What the statement is about; null when its shape is not one the vocabulary allows. */
export function guardrailPermission(guardrail: Omit<Guardrail, "id" | "subjectId" | "mode">): GuardrailPermission | null {
  const { action, object, field } = guardrail;
  if (isSetting(action)) return object || field ? null : { kind: "setting", key: action };
  if (isAction(action)) return object || field ? null : { kind: "action", key: action };
  if (!isObjectAction(action) || !object) return null;
  if (!field) return { kind: "object", action, object };
  // Records are deleted, destroyed and created whole: only see and edit have a field-level meaning.
  return action === "see" || action === "edit" ? { kind: "field", action, object, field } : null;
}

/**
 * Can this statement be judged in this schema? Checked when a guardrail is created or imported,
 * so that a typo cannot make a "must never" hold forever by naming nothing.
 */
export function validateGuardrail(guardrail: Omit<Guardrail, "id" | "subjectId">, schema: WorkspaceSchema): GuardrailIssue | null {
  if (!(GUARDRAIL_MODES as readonly string[]).includes(guardrail.mode)) return "VALIDATION_FAILED";
  const permission = guardrailPermission(guardrail);
  if (!permission) return isObjectAction(guardrail.action) || isSetting(guardrail.action) || isAction(guardrail.action) ? "VALIDATION_FAILED" : "UNKNOWN_ACTION";
  if (permission.kind === "setting" || permission.kind === "action") return null;
  const object = schema.objects.find((candidate) => candidate.name === permission.object);
  if (!object) return "UNKNOWN_OBJECT";
  if (permission.kind === "object") return null;
  const field = object.fields.find((candidate) => candidate.name === permission.field);
  if (!field) return "UNKNOWN_FIELD";
  // Label and system fields follow the object: a statement about them is one about the object.
  if (field.isLabel || field.isSystem) return "FIELD_NOT_RESTRICTABLE";
  return null;
}

function query(permission: GuardrailPermission): ExplainQuery {
  switch (permission.kind) {
    case "setting":
      return { kind: "setting", key: permission.key };
    case "action":
      return { kind: "action", key: permission.key };
    case "object":
      return { kind: "object", action: permission.action, object: permission.object };
    case "field":
      return { kind: "object", action: permission.action, object: permission.object, field: permission.field };
  }
}

function allowedBy(perms: EffectivePermissions, permission: GuardrailPermission): boolean {
  switch (permission.kind) {
    case "setting":
      return canSetting(perms, permission.key);
    case "action":
      return canAction(perms, permission.key);
    case "object":
      return can(perms, permission.action, permission.object);
    case "field":
      return can(perms, permission.action, permission.object, permission.field);
  }
}

/** Judges one guardrail against one role's resolved permissions. */
export function checkGuardrail(guardrail: Guardrail, permissions: EffectivePermissions): GuardrailResult {
  const permission = guardrailPermission(guardrail);
  // A statement that names nothing cannot be vouched for: reported broken, never silently holding.
  if (!permission) return { guardrail, allowed: false, holds: false, reason: `Unknown permission ${guardrail.action}` };
  const allowed = allowedBy(permissions, permission);
  const { reason } = explain(permissions, query(permission));
  return { guardrail, allowed, holds: guardrail.mode === "always" ? allowed : !allowed, reason };
}

/**
 * Every guardrail, holding or broken, and why. A guardrail about a role that is not among `roles`
 * is broken (nothing can show that it holds); the use cases pass every role they name.
 */
export function checkGuardrails(guardrails: readonly Guardrail[], roles: readonly GuardrailRole[]): GuardrailResult[] {
  const byId = new Map(roles.map((role) => [role.id, role]));
  return guardrails.map((guardrail) => {
    const role = byId.get(guardrail.subjectId);
    if (!role) return { guardrail, allowed: false, holds: false, reason: "Unknown role" };
    return checkGuardrail(guardrail, role.permissions);
  });
}
