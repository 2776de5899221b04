import { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { normalizeRoleName } from "@/lib/permissions";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertDefinitionWithinAuthority, authorityFor } from "@/lib/access/authority";
import { draftToDefinition, type RoleDraft } from "./draft";
import { assertValidStatement, type GuardrailStatement } from "./guardrails";
import { loadRoleRow, roleToDraft, toRoleDefinition, writeRoleDefinition, type GrantKind, type WriteOptions } from "./store";
import { assertValidDraft } from "./validate-draft";
import { ensureBaselineVersion, recordRoleVersion, type RoleChange } from "./history";
import { assertGuardrailsHold } from "./guardrails";
import { canSetting, resolvePermissions, type EffectivePermissions, type Guardrail } from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { assertHolderGuardrailsHold, guardedMembersOfRole, holdersOfSet } from "@/lib/roles/holder-guardrails";

/** Re-read in the transaction: the actor's grants may have changed since the request began. */
async function holdsGrant(tx: Tx, actor: Principal, roleId: string): Promise<boolean> {
  if (actor.kind !== "member") return false;
  const [member, set] = await Promise.all([
    tx.workspaceMember.findFirst({ where: { id: actor.id, roleId }, select: { id: true } }),
    tx.permissionSetAssignment.findFirst({ where: { setId: roleId, principalKind: "member", principalId: actor.id, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }, select: { id: true } }),
  ]);
  return member !== null || set !== null;
}

/** Does the actor keep `Roles` through another of their grants than `roleId` (SPEC §17)? */
function rolesAccessElsewhere(authority: EffectivePermissions, roleId: string): boolean {
  return (authority.grants ?? []).some((part) => part.grant.id !== roleId && canSetting(part.permissions, "ROLES"));
}

/** Whoever manages roles through their own role keeps that ability (lockout protection, SPEC §11). */
function grantsRolesAccess(draft: RoleDraft): boolean {
  return draft.settingsAllAccess || draft.settings.includes("ROLES");
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Writes the role in the caller's transaction. The one unique key a validated draft can still hit
 * (a concurrent save took the name) is the role name, refused as such on the statement itself.
 */
function writeRole(tx: Tx, workspaceId: string, draft: RoleDraft & { kind?: GrantKind }, options?: WriteOptions) {
  return writeRoleDefinition(tx, workspaceId, draft, options).catch((error: unknown) => {
    throw isUniqueViolation(error) ? new DomainError("ROLE_NAME_TAKEN", { field: "name" }) : error;
  });
}

/**
 * `guardrails`: statements that travel with an imported role file (roles as code); they are
 * validated, must hold for the new definition, and are created with the role.
 */
export async function createRole(
  tx: Tx,
  actor: Principal,
  draft: RoleDraft,
  change: Extract<RoleChange, "created" | "imported"> = "created",
  guardrails: readonly GuardrailStatement[] = [],
  kind: GrantKind = "role",
): Promise<{ id: string }> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  // Guardrails are statements about roles (SPEC §14); a set carries none.
  if (kind === "set" && guardrails.length > 0) throw new DomainError("VALIDATION_FAILED", { field: "guardrails" });
  await assertValidDraft(tx, actor.workspaceId, draft);
  await assertDefinitionWithinAuthority(tx, actor, authority, draftToDefinition(draft));
  const role = await writeRole(tx, actor.workspaceId, { ...draft, kind });
  if (guardrails.length > 0) await addImportedGuardrails(tx, actor, role, draft, guardrails);
  await writeAudit(tx, actor, { action: "role.created", targetType: kind === "set" ? "permissionSet" : "role", targetId: role.id, roleId: role.id, targetLabel: role.name, after: draft });
  await recordRoleVersion(tx, actor, role, change, draft);
  return { id: role.id };
}

/**
 * Saves a role only if nobody saved it since `expectedVersion` was read (SPEC §8): the version
 * check and the bump are one conditional UPDATE, so two concurrent saves cannot both pass.
 */
export async function updateRole(
  tx: Tx,
  actor: Principal,
  roleId: string,
  expectedVersion: number,
  draft: RoleDraft,
  change: Extract<RoleChange, "updated" | "restored"> = "updated",
): Promise<{ version: number }> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  const current = await loadRoleRow(tx, actor.workspaceId, roleId);
  if (!current) throw new DomainError("NOT_FOUND");
  if (current.isAdmin) throw new DomainError("ADMIN_NOT_EDITABLE");
  await assertValidDraft(tx, actor.workspaceId, draft, roleId);
  await assertDefinitionWithinAuthority(tx, actor, authority, draftToDefinition(draft));
  if ((await holdsGrant(tx, actor, roleId)) && !grantsRolesAccess(draft) && !rolesAccessElsewhere(authority, roleId)) throw new DomainError("OWN_ROLES_ACCESS", { field: "settings.ROLES" });
  // Before anything is written: the engine judges the role's guardrails on the new definition.
  const schema = await loadWorkspaceSchema(tx, actor.workspaceId);
  await assertGuardrailsHold(
    tx,
    actor.workspaceId,
    { id: roleId, name: normalizeRoleName(draft.name) },
    resolvePermissions(toRoleDefinition(current), schema),
    resolvePermissions(draftToDefinition(draft), schema),
  );

  // SPEC §17: a set's new definition joins every holder's union, where their roles' guardrails
  // must hold; a role's, the union of each member with a guardrail about herself.
  const holders = current.kind === "set" ? await holdersOfSet(tx, actor.workspaceId, roleId) : await guardedMembersOfRole(tx, actor.workspaceId, roleId);
  if (holders.length > 0) {
    const permissions = resolvePermissions(draftToDefinition(draft), schema);
    for (const holder of holders) await assertHolderGuardrailsHold(tx, actor.workspaceId, holder, { definition: { id: roleId, permissions } });
  }

  await writeRole(tx, actor.workspaceId, draft, { roleId, expectedVersion });
  await ensureBaselineVersion(tx, actor.workspaceId, current);
  await writeAudit(tx, actor, {
    action: change === "restored" ? "role.restored" : "role.updated",
    targetType: current.kind === "set" ? "permissionSet" : "role",
    targetId: roleId,
    roleId,
    targetLabel: normalizeRoleName(draft.name),
    before: roleToDraft(current),
    after: draft,
  });
  await recordRoleVersion(tx, actor, { id: roleId, version: expectedVersion + 1 }, change, draft);
  return { version: expectedVersion + 1 };
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
  const extra: Guardrail[] = statements.map((statement, index) => ({ id: `import-${index}`, subjectId: role.id, ...statement }));
  const permissions = resolvePermissions(draftToDefinition(draft), await loadWorkspaceSchema(tx, actor.workspaceId));
  await assertGuardrailsHold(tx, actor.workspaceId, role, null, permissions, extra);
  await tx.guardrail.createMany({ data: statements.map((statement) => ({ workspaceId: actor.workspaceId, roleId: role.id, ...statement, createdBy: actor.label })) });
}
