/**
 * The one place a role is read from and written to the database (issue 9). The Role columns,
 * the ObjectPermission columns and the model's keys share their names, so the switches are
 * copied through the model's tables (lib/permissions/model.ts), never one by one. Used by save,
 * import, duplicate, restore, the seed, prisma/factories.ts and the tests.
 */
import type { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import {
  ACTION_PERMISSIONS,
  OBJECT_ACTIONS,
  SETTINGS_PERMISSIONS,
  RULE_SWITCHES,
  draftToDefinition,
  normalizeRoleName,
  pickSwitches,
  recordRuleSchema,
  roleNameKey,
  type ObjectRuleDraft,
  type RecordRule,
  type RoleDefinition,
  type RoleDraft,
  type RuleKey,
  type SeededRole,
} from "@/lib/permissions";

/** The Prisma include that loads everything a role definition is made of. */
export const ROLE_DEFINITION_INCLUDE = {
  objectPermissions: { include: { object: { select: { nameSingular: true } } } },
  fieldPermissions: {
    include: { object: { select: { nameSingular: true } }, field: { select: { name: true } } },
  },
  settingPermissions: true,
  actionPermissions: true,
} satisfies Prisma.RoleInclude;

export type RoleWithDefinition = Prisma.RoleGetPayload<{ include: typeof ROLE_DEFINITION_INCLUDE }>;

/** A role as stored: its draft (texts and permissions) and whether it is the Admin role. */
export type StoredRole = SeededRole;

/**
 * A stored rule (JSON text) → the engine's rule. Unreadable JSON fails closed: "any of no
 * condition" reaches no record, rather than silently reaching all of them.
 */
export function parseStoredRecordRule(raw: string | null | undefined): RecordRule | null {
  if (raw === null || raw === undefined) return null;
  try {
    const parsed = recordRuleSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data as RecordRule;
  } catch {
    // fall through
  }
  return { mode: "match", join: "any", conditions: [] };
}

/** "All records" is stored as no rule: one representation for "not limited". */
export function storedRecordRule(rule: RecordRule | ObjectRuleDraft["recordRule"] | null | undefined): string | null {
  return rule && rule.mode === "match" ? JSON.stringify(rule) : null;
}

const ruleKeys: readonly RuleKey[] = OBJECT_ACTIONS.map((action) => RULE_SWITCHES[action]);
const pickRuleSwitches = (row: Readonly<Record<RuleKey, boolean | null>>) => Object.fromEntries(ruleKeys.map((name) => [name, row[name]])) as Record<RuleKey, boolean | null>;

/** Rows come back in no promised order: keys are listed in the model's order, so drafts and files are stable. */
function inVocabularyOrder(keys: readonly string[], vocabulary: readonly string[]): string[] {
  const rank = (key: string) => (vocabulary.includes(key) ? vocabulary.indexOf(key) : vocabulary.length);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Database rows → the stored role; rules in a stable order (by object, then field). */
export function rowToRole(role: RoleWithDefinition): StoredRole {
  return {
    name: role.name,
    description: role.description,
    icon: role.icon,
    isAdmin: role.isAdmin,
    ...pickSwitches(role),
    settings: inVocabularyOrder(role.settingPermissions.map((row) => row.setting), SETTINGS_PERMISSIONS) as RoleDraft["settings"],
    actions: inVocabularyOrder(role.actionPermissions.map((row) => row.action), ACTION_PERMISSIONS) as RoleDraft["actions"],
    objectRules: role.objectPermissions
      .map((rule) => ({
        object: rule.object.nameSingular,
        ...pickRuleSwitches(rule),
        // Only when set: drafts of roles without record-level rules keep their former shape.
        ...(rule.recordRule ? { recordRule: parseStoredRecordRule(rule.recordRule) as ObjectRuleDraft["recordRule"] } : {}),
      }))
      .sort((a, b) => a.object.localeCompare(b.object)),
    fieldRules: role.fieldPermissions
      .map((rule) => ({ object: rule.object.nameSingular, field: rule.field.name, canSee: rule.canSee, canEdit: rule.canEdit }))
      .sort((a, b) => `${a.object}.${a.field}`.localeCompare(`${b.object}.${b.field}`)),
  };
}

/** The editor's draft of a stored role: the model without isAdmin. */
export function roleToDraft(role: RoleWithDefinition): RoleDraft {
  const { isAdmin: _isAdmin, ...draft } = rowToRole(role);
  return draft;
}

/** Database rows → the permission engine's input. */
export function toRoleDefinition(role: RoleWithDefinition): RoleDefinition {
  return draftToDefinition(roleToDraft(role), role.isAdmin);
}

export async function loadRoleRow(tx: Tx, workspaceId: string, roleId: string): Promise<RoleWithDefinition | null> {
  return tx.role.findFirst({ where: { id: roleId, workspaceId }, include: ROLE_DEFINITION_INCLUDE });
}

/** The stored role, or NOT_FOUND. */
export async function loadRoleDefinition(tx: Tx, workspaceId: string, roleId: string): Promise<StoredRole & { id: string; version: number }> {
  const row = await loadRoleRow(tx, workspaceId, roleId);
  if (!row) throw new DomainError("NOT_FOUND");
  return { id: row.id, version: row.version, ...rowToRole(row) };
}

/** The Role columns of a role: texts normalised, switches copied by the model's names. */
function roleColumns(role: RoleDraft) {
  const name = normalizeRoleName(role.name);
  return { name, nameKey: roleNameKey(name), description: role.description.trim(), icon: role.icon, ...pickSwitches(role) };
}

/** What a row of the Role table is (SPEC §17): a role, or a permission set. */
export type GrantKind = "role" | "set";

export interface WriteOptions {
  /** Rewrites this role, only if it is still at `expectedVersion` (SPEC §8); absent: creates one. */
  roleId?: string;
  expectedVersion?: number;
}

/**
 * Writes a role and its rule rows. Callers validate first (names of objects and fields against
 * the schema, SPEC §8 rules); an unknown object or field here is a programming error. Updating
 * checks and bumps the version in one conditional UPDATE, so two concurrent saves cannot both
 * pass. isAdmin is written on creation only: no save turns a role into Admin or back.
 */
export async function writeRoleDefinition(tx: Tx, workspaceId: string, role: RoleDraft & { isAdmin?: boolean; kind?: GrantKind }, options: WriteOptions = {}) {
  let roleId = options.roleId;
  if (roleId === undefined) {
    roleId = (await tx.role.create({ data: { workspaceId, ...roleColumns(role), isAdmin: role.isAdmin ?? false, kind: role.kind ?? "role" } })).id;
  } else {
    const { count } = await tx.role.updateMany({
      where: { id: roleId, workspaceId, ...(options.expectedVersion !== undefined ? { version: options.expectedVersion } : {}) },
      data: { ...roleColumns(role), version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("VERSION_CONFLICT");
    await tx.objectPermission.deleteMany({ where: { roleId } });
    await tx.fieldPermission.deleteMany({ where: { roleId } });
    await tx.roleSettingPermission.deleteMany({ where: { roleId } });
    await tx.roleActionPermission.deleteMany({ where: { roleId } });
  }
  await writeRules(tx, workspaceId, roleId, role);
  return tx.role.findUniqueOrThrow({ where: { id: roleId } });
}

async function writeRules(tx: Tx, workspaceId: string, roleId: string, role: RoleDraft) {
  const objects = role.objectRules.length + role.fieldRules.length === 0 ? [] : await tx.objectMetadata.findMany({ where: { workspaceId }, include: { fields: { select: { id: true, name: true } } } });
  const byName = new Map(objects.map((object) => [object.nameSingular, object]));
  const objectId = (name: string) => {
    const object = byName.get(name);
    if (!object) throw new Error(`Unknown object ${name}`);
    return object.id;
  };
  const fieldId = (object: string, field: string) => {
    const id = byName.get(object)?.fields.find((candidate) => candidate.name === field)?.id;
    if (!id) throw new Error(`Unknown field ${object}.${field}`);
    return id;
  };

  await tx.objectPermission.createMany({
    data: role.objectRules.map((rule) => ({
      roleId,
      objectMetadataId: objectId(rule.object),
      ...pickRuleSwitches(rule),
      recordRule: storedRecordRule(rule.recordRule),
    })),
  });
  await tx.fieldPermission.createMany({
    data: role.fieldRules.map((rule) => ({ roleId, objectMetadataId: objectId(rule.object), fieldMetadataId: fieldId(rule.object, rule.field), canSee: rule.canSee, canEdit: rule.canEdit })),
  });
  // All-access switches make the individual rows redundant; keep storage canonical.
  await tx.roleSettingPermission.createMany({ data: (role.settingsAllAccess ? [] : role.settings).map((setting) => ({ roleId, setting })) });
  await tx.roleActionPermission.createMany({ data: (role.actionsAllAccess ? [] : role.actions).map((action) => ({ roleId, action })) });
}
