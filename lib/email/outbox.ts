/**
 * The outbox: messages "sent" from Rolecall (stored, never delivered). An admin sees every
 * message of the workspace; anyone else sees the messages they sent and those addressed to them,
 * so the outbox cannot become a way to read addresses and bodies written by other roles.
 */
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";

export const OUTBOX_PAGE_SIZE = 100;

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  body: string;
  sentBy: string;
  sentAt: Date;
}

export async function listOutbox(db: Tx, principal: Principal, options: { recipient?: string | null; take?: number } = {}): Promise<OutboxEntry[]> {
  const take = Math.min(Math.max(options.take ?? OUTBOX_PAGE_SIZE, 1), OUTBOX_PAGE_SIZE);
  let scope = {};
  if (!principal.permissions.isAdmin) {
    // OutboxMessage stores no sender id; the audit entry of each send does.
    const sent = await db.auditLog.findMany({
      where: { workspaceId: principal.workspaceId, action: "email.sent", targetType: "outboxMessage", actorType: principal.kind, actorId: principal.id },
      select: { targetId: true },
      orderBy: { createdAt: "desc" },
      take: 1_000,
    });
    const ids = sent.map((entry) => entry.targetId).filter((id): id is string => id !== null);
    scope = { OR: [{ id: { in: ids } }, ...(options.recipient ? [{ to: options.recipient }] : [])] };
  }
  const rows = await db.outboxMessage.findMany({
    where: { workspaceId: principal.workspaceId, ...scope },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((row) => ({ id: row.id, to: row.to, subject: row.subject, body: row.body, sentBy: row.actorLabel, sentAt: row.createdAt }));
}
