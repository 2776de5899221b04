import type { Tx } from "@/lib/db/prisma";
import type { PrincipalKind } from "@/lib/permissions";
import { enqueueWebhookDeliveries } from "@/lib/webhooks/enqueue";

export type AuditAction =
  | "role.created"
  | "role.updated"
  | "role.restored"
  | "role.viewAsStarted"
  | "role.viewAsEnded"
  | "role.deleted"
  | "role.assigned"
  | "role.unassigned"
  | "role.expired"
  | "permissionSet.assigned"
  | "permissionSet.unassigned"
  | "permissionSet.expired"
  | "accessRequest.created"
  | "accessRequest.approved"
  | "accessRequest.denied"
  | "roleProposal.created"
  | "roleProposal.applied"
  | "roleProposal.denied"
  | "guardrail.created"
  | "guardrail.deleted"
  | "workspace.defaultRoleChanged"
  | "workspace.updated"
  | "member.invited"
  | "member.removed"
  | "member.managerChanged"
  | "team.created"
  | "team.updated"
  | "team.deleted"
  | "record.shared"
  | "record.unshared"
  | "apiKey.created"
  | "apiKey.revoked"
  | "agentToken.created"
  | "agentToken.revoked"
  | "record.created"
  | "record.updated"
  | "record.deleted"
  | "record.restored"
  | "record.destroyed"
  | "records.exported"
  | "records.imported"
  | "email.sent"
  | "workflow.triggered"
  | "field.created"
  | "workspace.created"
  | "account.passwordChanged"
  | "account.signedOutEverywhere"
  | "webhook.created"
  | "webhook.deleted"
  | "member.deactivated"
  | "member.reactivated"
  | "member.updated"
  | "scimToken.created"
  | "scimToken.revoked"
  | "groupMapping.created"
  | "groupMapping.deleted"
  | "sso.updated"
  | "sso.removed"
  | "account.signedInWithSso"
  | "member.joinedWithSso";

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string;
  /** The role the change concerns, so the audit log can be filtered by role. */
  roleId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who an entry names as its actor: a principal, or Rolecall itself (an expiry it observed). */
// Structural, so that the audit log sits below lib/access (a Principal is one).
export type AuditActor = { kind: PrincipalKind; id: string; label: string; workspaceId: string } | { kind: "system"; id: null; label: string; workspaceId: string };

/**
 * Writes one audit entry; call it inside the transaction of the change it records. An entry that
 * is a webhook event (docs/reference.md §20) queues its deliveries in that same transaction.
 */
export async function writeAudit(db: Tx, actor: AuditActor, entry: AuditEntry) {
  const written = await db.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorType: actor.kind,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      targetLabel: entry.targetLabel ?? "",
      roleId: entry.roleId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
    select: { id: true },
  });
  await enqueueWebhookDeliveries(db, actor.workspaceId, written.id, entry.action);
}
