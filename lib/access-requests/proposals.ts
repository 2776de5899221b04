/**
 * Four eyes for role changes (docs/reference.md §18). With the workspace switch `Role changes need approval`
 * on, a save of a role or permission set becomes a proposal, shown under Requests with its diff;
 * another member who may make that change applies it — through the very save use case, as
 * themselves, so authority, guardrails and validity are judged for the approver. The proposer
 * never applies their own; an Admin's proposal needs a second Admin; a proposal whose role changed
 * meanwhile is stale and refused. Everything is audited; every refusal changes nothing.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { actorMemberId, assertDefinitionWithinAuthority, authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import { diffPermissions, draftToDefinition, exceedingPermissions, resolvePermissions, type EffectivePermissions, type ExceedingPermission, type RoleDraft } from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { updateRole } from "@/lib/roles/save";
import { loadRoleRow, toRoleDefinition } from "@/lib/access/role-store";
import { assertValidDraft } from "@/lib/roles/validate-draft";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export async function roleChangesNeedApproval(tx: Tx, workspaceId: string): Promise<boolean> {
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { roleChangesNeedApproval: true } });
  return workspace.roleChangesNeedApproval;
}

/** Settings → Security → `Role changes need approval`; only an Admin turns it on or off. */
export async function setRoleChangesNeedApproval(tx: Tx, actor: Principal, on: boolean): Promise<void> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "SECURITY");
  if (!authority.isAdmin) throw new DomainError("ADMIN_ONLY");
  const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { name: true, roleChangesNeedApproval: true } });
  if (before.roleChangesNeedApproval === on) return;
  await tx.workspace.update({ where: { id: actor.workspaceId }, data: { roleChangesNeedApproval: on } });
  await writeAudit(tx, actor, { action: "workspace.updated", targetType: "workspace", targetId: actor.workspaceId, targetLabel: before.name, before: { roleChangesNeedApproval: before.roleChangesNeedApproval }, after: { roleChangesNeedApproval: on } });
}

/**
 * A save, or with the switch on its proposal: what the role editor's `Save` (`Propose change`)
 * calls. A proposal is checked as a save would be (valid, within the proposer's authority, on the
 * version the proposer saw) and written as a proposal only.
 */
export async function saveOrPropose(tx: Tx, actor: Principal, roleId: string, expectedVersion: number, draft: RoleDraft): Promise<{ version: number; proposalId?: string }> {
  if (!(await roleChangesNeedApproval(tx, actor.workspaceId))) return updateRole(tx, actor, roleId, expectedVersion, draft);
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  const current = await loadRoleRow(tx, actor.workspaceId, roleId);
  if (!current) throw new DomainError("NOT_FOUND");
  if (current.isAdmin) throw new DomainError("ADMIN_NOT_EDITABLE");
  if (current.version !== expectedVersion) throw new DomainError("VERSION_CONFLICT");
  await assertValidDraft(tx, actor.workspaceId, draft, roleId);
  await assertDefinitionWithinAuthority(tx, actor, authority, draftToDefinition(draft));
  const proposal = await tx.roleProposal.create({
    data: { workspaceId: actor.workspaceId, roleId, baseVersion: expectedVersion, draft: JSON.stringify(draft), proposerId: actor.id, proposerLabel: actor.label, proposerIsAdmin: authority.isAdmin },
  });
  await writeAudit(tx, actor, { action: "roleProposal.created", targetType: current.kind === "set" ? "permissionSet" : "role", targetId: roleId, roleId, targetLabel: current.name, after: draft });
  return { version: expectedVersion, proposalId: proposal.id };
}

export interface ProposalView {
  id: string;
  roleId: string;
  roleName: string;
  proposer: string;
  createdAt: string;
  /** The role changed since: applying is refused. */
  stale: boolean;
  gains: ExceedingPermission[];
  losses: ExceedingPermission[];
  /** How many members, API keys and AI agents hold the role (who the change reaches). */
  holders: number;
}

type ProposalRow = Awaited<ReturnType<Tx["roleProposal"]["findFirstOrThrow"]>>;

function mayApply(row: ProposalRow, actor: Principal, authority: EffectivePermissions, proposed: EffectivePermissions): boolean {
  if (row.proposerId === actor.id) return false;
  if (row.proposerIsAdmin && !authority.isAdmin) return false;
  return exceedingPermissions(proposed, authority, actorMemberId(actor)).length === 0;
}

/** The open proposals `actor` may apply, with their diff and who they reach. */
export async function listApplicableProposals(tx: Tx, actor: Principal): Promise<ProposalView[]> {
  let authority: EffectivePermissions;
  try {
    authority = await authorityFor(tx, actor, "ROLES");
  } catch {
    return [];
  }
  const schema = await loadWorkspaceSchema(tx, actor.workspaceId);
  const rows = await tx.roleProposal.findMany({ where: { workspaceId: actor.workspaceId, status: "open" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100 });
  const views: ProposalView[] = [];
  for (const row of rows) {
    const role = await loadRoleRow(tx, actor.workspaceId, row.roleId);
    if (!role) continue;
    const proposed = resolvePermissions(draftToDefinition(JSON.parse(row.draft) as RoleDraft), schema);
    if (!mayApply(row, actor, authority, proposed)) continue;
    const diff = diffPermissions(resolvePermissions(toRoleDefinition(role), schema), proposed);
    const [members, keys, agents, sets] = await Promise.all([
      tx.workspaceMember.count({ where: { workspaceId: actor.workspaceId, roleId: row.roleId } }),
      tx.apiKey.count({ where: { workspaceId: actor.workspaceId, roleId: row.roleId, revokedAt: null } }),
      tx.agent.count({ where: { workspaceId: actor.workspaceId, roleId: row.roleId } }),
      tx.permissionSetAssignment.count({ where: { workspaceId: actor.workspaceId, setId: row.roleId } }),
    ]);
    views.push({ id: row.id, roleId: row.roleId, roleName: role.name, proposer: row.proposerLabel, createdAt: row.createdAt.toISOString(), stale: role.version !== row.baseVersion, gains: [...diff.gains], losses: [...diff.losses], holders: members + keys + agents + sets });
  }
  return views;
}

async function openProposalFor(tx: Tx, actor: Principal, proposalId: string) {
  await lockAdministration(tx, actor.workspaceId);
  const row = await tx.roleProposal.findFirst({ where: { id: proposalId, workspaceId: actor.workspaceId } });
  if (!row) throw new DomainError("NOT_FOUND");
  if (row.status !== "open") throw new DomainError("REQUEST_NOT_OPEN");
  if (row.proposerId === actor.id) throw new DomainError("OWN_REQUEST");
  const authority = await authorityFor(tx, actor, "ROLES");
  if (row.proposerIsAdmin && !authority.isAdmin) throw new DomainError("ADMIN_ONLY");
  return row;
}

/** Applies the proposal as `actor`'s own save of the version it was made on: a stale one is refused. */
export async function applyProposal(tx: Tx, actor: Principal, proposalId: string, now = new Date()): Promise<{ version: number }> {
  const row = await openProposalFor(tx, actor, proposalId);
  const draft = JSON.parse(row.draft) as RoleDraft;
  const saved = await updateRole(tx, actor, row.roleId, row.baseVersion, draft);
  await tx.roleProposal.update({ where: { id: row.id }, data: { status: "applied", decidedById: actor.id, decidedByLabel: actor.label, decidedAt: now } });
  await writeAudit(tx, actor, { action: "roleProposal.applied", targetType: "role", targetId: row.roleId, roleId: row.roleId, targetLabel: draft.name, after: { proposedBy: row.proposerLabel, version: saved.version } });
  return saved;
}

export async function denyProposal(tx: Tx, actor: Principal, proposalId: string, now = new Date()): Promise<void> {
  const row = await openProposalFor(tx, actor, proposalId);
  await tx.roleProposal.update({ where: { id: row.id }, data: { status: "denied", decidedById: actor.id, decidedByLabel: actor.label, decidedAt: now } });
  const role = await loadRoleRow(tx, actor.workspaceId, row.roleId);
  await writeAudit(tx, actor, { action: "roleProposal.denied", targetType: "role", targetId: row.roleId, roleId: row.roleId, targetLabel: role?.name ?? "", after: { proposedBy: row.proposerLabel } });
}
