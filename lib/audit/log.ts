import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";

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
  | "guardrail.created"
  | "guardrail.deleted"
  | "workspace.defaultRoleChanged"
  | "workspace.updated"
  | "member.invited"
  | "member.removed"
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
  | "account.signedOutEverywhere";

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
export type AuditActor = Pick<Principal, "kind" | "id" | "label" | "workspaceId"> | { kind: "system"; id: null; label: string; workspaceId: string };

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function writeAudit(db: Tx, actor: AuditActor, entry: AuditEntry) {
  await db.auditLog.create({
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
  });
}
