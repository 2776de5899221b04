/**
 * Queues one delivery per subscribed webhook, in the transaction that writes the audit entry:
 * the event and the change commit together or not at all (a transactional outbox). Sending
 * happens later, outside any transaction (lib/webhooks/deliver.ts).
 */
import type { Tx } from "@/lib/db/prisma";
import { eventMatches, parseEvents, webhookEventOf } from "./events";

export async function enqueueWebhookDeliveries(tx: Tx, workspaceId: string, auditLogId: string, action: string): Promise<void> {
  const event = webhookEventOf(action);
  // Most audit entries (record writes, exports) are no event: no query at all for them.
  if (!event) return;
  const hooks = await tx.webhook.findMany({ where: { workspaceId, deletedAt: null }, select: { id: true, events: true } });
  const subscribed = hooks.filter((hook) => eventMatches(parseEvents(hook.events), event));
  if (subscribed.length === 0) return;
  await tx.webhookDelivery.createMany({ data: subscribed.map((hook) => ({ workspaceId, webhookId: hook.id, event, auditLogId })) });
}
