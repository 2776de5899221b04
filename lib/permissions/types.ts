import type {
  ACTION_PERMISSIONS,
  FIELD_ACTIONS,
  OBJECT_ACTIONS,
  PERMISSION_SOURCES,
  PRINCIPAL_KINDS,
  SETTINGS_PERMISSIONS,
} from "./constants";
import type { FAST_INDEX, FastIndex } from "./fast-index";
import type { RecordRule, StoredRecordRule } from "./record-rule";
import type { RoleSwitchKey } from "./model";

export type ObjectAction = (typeof OBJECT_ACTIONS)[number];
/** An object action with an answer per field: see, create, edit. */
export type FieldAction = (typeof FIELD_ACTIONS)[number];
export type SettingsPermission = (typeof SETTINGS_PERMISSIONS)[number];
export type ActionPermission = (typeof ACTION_PERMISSIONS)[number];
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];
export type PermissionSource = (typeof PERMISSION_SOURCES)[number];

// ---------------------------------------------------------------------------------------------
// Inputs. Readonly so that callers may pass frozen fixtures or database rows as they are.
// ---------------------------------------------------------------------------------------------

export interface SchemaField {
  /** Stable key, e.g. `email`; also the record's JSON key. */
  readonly name: string;
  /** The record's label (a person's name): always visible with the object, edit follows the object. */
  readonly isLabel?: boolean;
  /** id, createdAt, updatedAt, deletedAt…: always visible with the object, never editable. */
  readonly isSystem?: boolean;
  /**
   * What kind of value the field holds, for record-level rules (which operators fit, where `Me`
   * applies). Absent: the field cannot be used in a record-level condition.
   */
  readonly type?: RecordValueType;
}

/** Value kinds of record-level conditions; `member` is a field pointing to a workspace member. */
export type RecordValueType = "text" | "number" | "date" | "boolean" | "member";

export interface SchemaObject {
  /** Stable key, e.g. `person`. */
  readonly name: string;
  /** In display order; the order of `visibleFields`, `maskRecord` output and `checkWrite` errors. */
  readonly fields: readonly SchemaField[];
}

export interface WorkspaceSchema {
  readonly objects: readonly SchemaObject[];
}

/** `null` or absent means "inherit from the less specific level". */
export type Override = boolean | null | undefined;

export interface ObjectRule {
  readonly object: string;
  readonly canSee?: Override;
  readonly canCreate?: Override;
  readonly canEdit?: Override;
  readonly canDelete?: Override;
  readonly canDestroy?: Override;
  /** SPEC §13: the records the role reaches; absent or null means all records. */
  readonly recordRule?: StoredRecordRule | null;
}

/**
 * The editor offers three values plus inherit:
 * "See field" = {canSee: true, canEdit: false}, "Edit field" = {true, true},
 * "No access" = {false, false}, inherit = {null, null}.
 */
export interface FieldRule {
  readonly object: string;
  readonly field: string;
  readonly canSee?: Override;
  readonly canEdit?: Override;
}

/**
 * The one role model (lib/permissions/model.ts): its boolean switches are named by the model's
 * tables (`BASELINE_SWITCHES`, `ALL_ACCESS_SWITCHES`, `ASSIGNABLE_SWITCHES`), the same names in
 * the editor's draft, role files and Role columns. Read them through the tables, not by name.
 */
export type RoleSwitches = { readonly [K in RoleSwitchKey]: boolean };

export interface RoleDefinition extends RoleSwitches {
  readonly isAdmin: boolean;
  readonly objectRules: readonly ObjectRule[];
  readonly fieldRules: readonly FieldRule[];
  /** Typed loosely on purpose: definitions come from JSON imports, validation names unknown keys. */
  readonly settings: readonly (SettingsPermission | (string & {}))[];
  readonly actions: readonly (ActionPermission | (string & {}))[];
}

// ---------------------------------------------------------------------------------------------
// Output of resolvePermissions.
// ---------------------------------------------------------------------------------------------

/**
 * One of the grants a principal holds (SPEC §17): its role, or a permission set. Named in every
 * value of a principal that holds more than one, and in the refusals they explain.
 */
export interface GrantRef {
  readonly kind: "role" | "set";
  readonly id: string;
  readonly name: string;
}

export interface ResolvedValue {
  readonly value: boolean;
  readonly source: PermissionSource;
  /** With several grants: the grant that gives the value (the first that allows it, else the role). */
  readonly grant?: GrantRef;
}

/** `label` and `system` fields are not restrictable: no field rule applies to them. */
export type FieldKind = "regular" | "label" | "system";

export interface FieldPermissions {
  readonly see: ResolvedValue;
  /**
   * May the field be given a value when a record is created? The object's create, unless a
   * field rule makes the field read-only or hidden: field rules restrict what a role writes,
   * at creation as on update. The label field follows the object's create.
   */
  readonly create: ResolvedValue;
  readonly edit: ResolvedValue;
  readonly restrictable: boolean;
  readonly kind: FieldKind;
}

export interface ObjectPermissions {
  readonly see: ResolvedValue;
  readonly create: ResolvedValue;
  readonly edit: ResolvedValue;
  readonly delete: ResolvedValue;
  readonly destroy: ResolvedValue;
  /** The records every action above applies to: "all" unless an object rule limits them. */
  readonly records: { readonly rule: RecordRule; readonly source: PermissionSource; readonly grant?: GrantRef };
  /**
   * With several grants, an action may reach fewer records than See does (one grant sees all
   * deals, another edits its holder's own): the records of each such action. Absent: `records`.
   */
  readonly recordsByAction?: Readonly<Partial<Record<Exclude<ObjectAction, "see">, { readonly rule: RecordRule }>>>;
  /** Keyed by field name, in schema order (as far as JS allows: integer-like keys come first). */
  readonly fields: Readonly<Record<string, FieldPermissions>>;
}

/**
 * Everything a role allows in one workspace schema, computed once by `resolvePermissions`.
 * The string-keyed properties are a plain, JSON-serialisable view for UIs and APIs; the
 * symbol-keyed index (invisible to JSON.stringify) is what the hot-path checks read. A JSON or
 * structured clone keeps only the view: to run checks elsewhere, resolve again from the role.
 */
export interface EffectivePermissions {
  readonly isAdmin: boolean;
  /** Kept so that `explain` can say *why* a settings permission or action is granted. */
  readonly settingsAllAccess: boolean;
  readonly actionsAllAccess: boolean;
  /** Keyed by object name, in schema order (as far as JS allows: integer-like keys come first). */
  readonly objects: Readonly<Record<string, ObjectPermissions>>;
  readonly settings: Readonly<Record<SettingsPermission, ResolvedValue>>;
  readonly actions: Readonly<Record<ActionPermission, ResolvedValue>>;
  /**
   * SPEC §17: the grants these permissions are the union of, each resolved on its own, when there
   * are several (a role and permission sets). Absent for a single grant. Checks that depend on a
   * record (is this field visible on that record, may this record be edited) ask the grants that
   * reach the record (lib/permissions/grants.ts).
   */
  readonly grants?: readonly GrantPart[];
  readonly [FAST_INDEX]: FastIndex;
}

export interface GrantPart {
  readonly grant: GrantRef;
  readonly permissions: EffectivePermissions;
}

// ---------------------------------------------------------------------------------------------
// Checks.
// ---------------------------------------------------------------------------------------------

export type ExplainQuery =
  | { readonly kind: "object"; readonly action: ObjectAction; readonly object: string; readonly field?: string }
  | { readonly kind: "setting"; readonly key: SettingsPermission }
  | { readonly kind: "action"; readonly key: ActionPermission };

export interface Explanation {
  readonly allowed: boolean;
  readonly source: PermissionSource;
  /** One short English sentence naming the deciding rule (for logs, APIs and tooltips). */
  readonly reason: string;
  /**
   * SPEC §13: present when the object-level answer is allowed but only on the records a
   * record-level rule reaches; names the object, the rule and a readable description.
   */
  readonly recordRule?: { readonly object: string; readonly rule: RecordRule; readonly description: string };
  /** With several grants (SPEC §17): the grant that decided an allowed answer. */
  readonly grant?: GrantRef;
  /** With several grants: every grant consulted (for a refusal, each refused). */
  readonly consulted?: readonly GrantRef[];
}

export type WriteMode = "create" | "update";

export type WriteErrorCode =
  | "OBJECT_NOT_VISIBLE"
  | "OBJECT_NOT_CREATABLE"
  | "OBJECT_NOT_EDITABLE"
  | "FIELD_NOT_VISIBLE"
  | "FIELD_READ_ONLY"
  | "UNKNOWN_FIELD";

export type WriteCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: WriteErrorCode; readonly field?: string };

export type DeleteOperation = "delete" | "restore" | "destroy";

export type DeleteErrorCode = "OBJECT_NOT_VISIBLE" | "OBJECT_NOT_DELETABLE" | "OBJECT_NOT_DESTROYABLE";

export type DeleteCheck = { readonly ok: true } | { readonly ok: false; readonly code: DeleteErrorCode };

// ---------------------------------------------------------------------------------------------
// Validation.
// ---------------------------------------------------------------------------------------------

export type RoleIssueCode =
  | "EDIT_WITHOUT_SEE"
  | "FIELD_VISIBLE_ON_HIDDEN_OBJECT"
  | "FIELD_NOT_RESTRICTABLE"
  | "UNKNOWN_OBJECT"
  | "UNKNOWN_FIELD"
  | "DUPLICATE_RULE"
  | "UNKNOWN_SETTING"
  | "UNKNOWN_ACTION"
  | "ADMIN_NOT_ASSIGNABLE_TO_AGENT"
  | "RECORD_RULE_INVALID"
  | "RECORD_RULE_FIELD_NOT_VISIBLE"
  | "RECORD_RULE_OPERATOR"
  | "RECORD_RULE_VALUE"
  | "RECORD_RULE_ME";

/** Codes only; the messages are translated elsewhere. Absent locators mean "the whole role". */
export interface RoleIssue {
  readonly code: RoleIssueCode;
  readonly object?: string;
  readonly field?: string;
  readonly action?: ObjectAction;
  /** The offending settings or action key, for UNKNOWN_SETTING / UNKNOWN_ACTION. */
  readonly key?: string;
  /** For RECORD_RULE_* issues: the index of the offending condition. */
  readonly condition?: number;
}

export type RoleNameIssueCode = "ROLE_NAME_REQUIRED" | "ROLE_NAME_TOO_LONG" | "ROLE_NAME_TAKEN";

export interface RoleNameIssue {
  readonly code: RoleNameIssueCode;
}
