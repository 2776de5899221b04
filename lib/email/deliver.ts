/**
 * The one write of an e-mail: the outbox row and its audit entry, in the caller's transaction.
 * Every sender goes through it (a member writing to a record's address, a workflow's agent step),
 * so the SEND_EMAIL check and the audit entry are written once.
 */
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { canAction } from "@/lib/permissions";
import { sendEmailForbidden } from "./errors";

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

export interface SentEmail {
  readonly id: string;
  readonly to: string;
}

/** `context` joins the audit entry (the record written to, the workflow that sent it …). */
export async function deliverEmail(tx: Tx, principal: Principal, message: OutgoingEmail, context: Record<string, unknown>): Promise<SentEmail> {
  if (!canAction(principal.permissions, "SEND_EMAIL")) throw sendEmailForbidden();
  const sent = await tx.outboxMessage.create({
    data: { workspaceId: principal.workspaceId, to: message.to, subject: message.subject, body: message.body, actorLabel: principal.label },
  });
  await writeAudit(tx, principal, {
    action: "email.sent",
    targetType: "outboxMessage",
    targetId: sent.id,
    targetLabel: message.subject,
    after: { to: message.to, subject: message.subject, ...context },
  });
  return { id: sent.id, to: message.to };
}
