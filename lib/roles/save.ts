import { Prisma } from "@prisma/client";
import type { Db, Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { normalizeRoleName, roleNameKey, type RecordRule } from "@/lib/permissions";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertDefinitionWithinAuthority, authorityFor } from "@/lib/access/authority";
import { draftToDefinition, storedRecordRule, type RoleDraft } from "./draft";
import { assertValidStatement, type GuardrailStatement } from "./guardrails";
import { ROLE_DEFINITION_INCLUDE } from "./definition";
import { roleToDraft } from "./editor";
import { assertValidDraft } from "./validate-draft";
import { ensureBaselineVersion, recordRoleVersion, type RoleChange } from "./history";
import { assertGuardrailsHold } from "./guardrails";
import { resolvePermissions, type Guardrail } from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { toRoleDefinition } from "./definition";

function roleColumns(draft: RoleDraft) {
  const name = normalizeRoleName(draft.name);
  return {
    name,
    nameKey: roleNameKey(name),
    description: draft.description.trim(),
    icon: draft.icon,
    canSeeAllObjects: draft.canSeeAllObjects,
    canCreateAllObjects: draft.canCreateAllObjects,
    canEditAllObjects: draft.canEditAllObjects,
    canDeleteAllObjects: draft.canDeleteAllObjects,
    canDestroyAllObjects: draft.canDestroyAllObjects,
    settingsAllAccess: draft.settingsAllAccess,
    actionsAllAccess: draft.actionsAllAccess,
    assignableToMembers: draft.assignableToMembers,
    assignableToApiKeys: draft.assignableToApiKeys,
    assignableToAgents: draft.assignableToAgents,
  };
}

/** Writes the rule rows of a draft; names were validated against the schema beforehand. */
async function writeRules(tx: Tx, workspaceId: string, roleId: string, draft: RoleDraft) {
  const objects = await tx.objectMetadata.findMany({ where: { workspaceId }, include: { fields: { select: { id: true, name: true } } } });
  const byName = new Map(objects.map((object) => [object.nameSingular, object]));
  const objectId = (name: string) => byName.get(name)!.id;
  const fieldId = (object: string, field: string) => byName.get(object)!.fields.find((candidate) => candidate.name === field)!.id;

  await tx.objectPermission.createMany({
    data: draft.objectRules.map((rule) => ({
      roleId,
      objectMetadataId: objectId(rule.object),
      canSee: rule.canSee,
      canCreate: rule.canCreate,
      canEdit: rule.canEdit,
      canDelete: rule.canDelete,
      canDestroy: rule.canDestroy,
      recordRule: storedRecordRule(rule.recordRule as RecordRule | null | undefined),
    })),
  });
  await tx.fieldPermission.createMany({
    data: draft.fieldRules.map((rule) => ({
      roleId,
      objectMetadataId: objectId(rule.object),
      fieldMetadataId: fieldId(rule.object, rule.field),
      canSee: rule.canSee,
      canEdit: rule.canEdit,
    })),
  });
  // All-access switches make the individual rows redundant; keep storage canonical.
  await tx.roleSettingPermission.createMany({ data: (draft.settingsAllAccess ? [] : draft.settings).map((setting) => ({ roleId, setting })) });
  await tx.roleActionPermission.createMany({ data: (draft.actionsAllAccess ? [] : draft.actions).map((action) => ({ roleId, action })) });
}

/** Re-read in the transaction: the actor's role may have changed since the request began. */
async function holdsRole(tx: Tx, actor: Principal, roleId: string): Promise<boolean> {
  if (actor.kind !== "member") return false;
  const member = await tx.workspaceMember.findFirst({ where: { id: actor.id, roleId }, select: { id: true } });
  return member !== null;
}

/** Whoever manages roles through their own role keeps that ability (lockout protection, SPEC §11). */
function grantsRolesAccess(draft: RoleDraft): boolean {
  return draft.settingsAllAccess || draft.settings.includes("ROLES");
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * `guardrails`: statements that travel with an imported role file (roles as code); they are
 * validated, must hold for the new definition, and are created with the role.
 */
export async function createRole(
  db: Db,
  actor: Principal,
  draft: RoleDraft,
  change: Extract<RoleChange, "created" | "imported"> = "created",
  guardrails: readonly GuardrailStatement[] = [],
): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const authority = await authorityFor(tx, actor, "ROLES");
      await assertValidDraft(tx, actor.workspaceId, draft);
      await assertDefinitionWithinAuthority(tx, actor.workspaceId, authority, draftToDefinition(draft));
      const role = await tx.role.create({ data: { workspaceId: actor.workspaceId, ...roleColumns(draft) } });
      await writeRules(tx, actor.workspaceId, role.id, draft);
      if (guardrails.length > 0) await addImportedGuardrails(tx, actor, role, draft, guardrails);
      await writeAudit(tx, actor, { action: "role.created", targetType: "role", targetId: role.id, roleId: role.id, targetLabel: role.name, after: draft });
      await recordRoleVersion(tx, actor, role, change, draft);
      return { id: role.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("ROLE_NAME_TAKEN", { field: "name" });
    throw error;
  }
}

/**
 * Saves a role only if nobody saved it since `expectedVersion` was read (SPEC §8): the version
 * check and the bump are one conditional UPDATE, so two concurrent saves cannot both pass.
 */
export async function updateRole(
  db: Db,
  actor: Principal,
  roleId: string,
  expectedVersion: number,
  draft: RoleDraft,
  change: Extract<RoleChange, "updated" | "restored"> = "updated",
): Promise<{ version: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const authority = await authorityFor(tx, actor, "ROLES");
      const current = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId }, include: ROLE_DEFINITION_INCLUDE });
      if (!current) throw new DomainError("NOT_FOUND");
      if (current.isAdmin) throw new DomainError("ADMIN_NOT_EDITABLE");
      await assertValidDraft(tx, actor.workspaceId, draft, roleId);
      await assertDefinitionWithinAuthority(tx, actor.workspaceId, authority, draftToDefinition(draft));
      if (await holdsRole(tx, actor, roleId) && !grantsRolesAccess(draft)) throw new DomainError("OWN_ROLES_ACCESS", { field: "settings.ROLES" });
      // Before anything is written: the engine judges the role's guardrails on the new definition.
      const schema = await loadWorkspaceSchema(tx, actor.workspaceId);
      await assertGuardrailsHold(
        tx,
        actor.workspaceId,
        { id: roleId, name: normalizeRoleName(draft.name) },
        resolvePermissions(toRoleDefinition(current), schema),
        resolvePermissions(draftToDefinition(draft), schema),
      );

      const { count } = await tx.role.updateMany({
        where: { id: roleId, workspaceId: actor.workspaceId, version: expectedVersion },
        data: { ...roleColumns(draft), version: { increment: 1 } },
      });
      if (count === 0) throw new DomainError("VERSION_CONFLICT");
      await ensureBaselineVersion(tx, actor.workspaceId, current);

      await tx.objectPermission.deleteMany({ where: { roleId } });
      await tx.fieldPermission.deleteMany({ where: { roleId } });
      await tx.roleSettingPermission.deleteMany({ where: { roleId } });
      await tx.roleActionPermission.deleteMany({ where: { roleId } });
      await writeRules(tx, actor.workspaceId, roleId, draft);
      await writeAudit(tx, actor, {
        action: change === "restored" ? "role.restored" : "role.updated",
        targetType: "role",
        targetId: roleId,
        roleId,
        targetLabel: normalizeRoleName(draft.name),
        before: roleToDraft(current),
        after: draft,
      });
      await recordRoleVersion(tx, actor, { id: roleId, version: expectedVersion + 1 }, change, draft);
      return { version: expectedVersion + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("ROLE_NAME_TAKEN", { field: "name" });
    throw error;
  }
}

/** A role file's guardrails: each one judgeable, not repeated, and holding for the imported role. */
async function addImportedGuardrails(tx: Tx, actor: Principal, role: { id: string; name: string }, draft: RoleDraft, statements: readonly GuardrailStatement[]) {
  const seen = new Set<string>();
  for (const [index, statement] of statements.entries()) {
    await assertValidStatement(tx, actor.workspaceId, null, statement, `guardrails.${index}`);
    const key = `${statement.action}|${statement.object ?? ""}|${statement.field ?? ""}`;
    if (seen.has(key)) throw new DomainError("DUPLICATE_RULE", { field: `guardrails.${index}` });
    seen.add(key);
  }
  const extra: Guardrail[] = statements.map((statement, index) => ({ id: `import-${index}`, roleId: role.id, ...statement }));
  const permissions = resolvePermissions(draftToDefinition(draft), await loadWorkspaceSchema(tx, actor.workspaceId));
  await assertGuardrailsHold(tx, actor.workspaceId, role, null, permissions, extra);
  await tx.guardrail.createMany({ data: statements.map((statement) => ({ workspaceId: actor.workspaceId, roleId: role.id, ...statement, createdBy: actor.label })) });
}
