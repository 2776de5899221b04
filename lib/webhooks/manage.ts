/**
 * Webhooks (docs/reference.md §20), the use cases of Settings → API keys → Webhooks: add one (its secret is
 * returned once), delete one, list them with their recent deliveries. Each needs the
 * `API keys & webhooks` settings permission, re-read inside the transaction.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import { DomainError } from "@/lib/errors";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { parseEvents, WEBHOOK_EVENT_PATTERNS } from "./events";

const SECRET_PREFIX = "whsec_";
export const WEBHOOK_URL_MAX_LENGTH = 2_000;
/** How many deliveries the settings page lists per webhook. */
export const DELIVERY_LOG_SIZE = 20;

export const createWebhookInput = z.object({
  url: z
    .string()
    .trim()
    .max(WEBHOOK_URL_MAX_LENGTH)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.username === "" && url.password === "";
      } catch {
        return false;
      }
    }),
  events: z.array(z.enum(WEBHOOK_EVENT_PATTERNS)).min(1).max(WEBHOOK_EVENT_PATTERNS.length),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export interface CreatedWebhook {
  id: string;
  url: string;
  prefix: string;
  /** Returned once, to be shown once. */
  secret: string;
}

export async function createWebhook(tx: Tx, actor: Principal, input: CreateWebhookInput): Promise<CreatedWebhook> {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "API_KEYS_AND_WEBHOOKS");
  // The owner's sight cuts every payload: only a member has one to cut by (keys and agents reach Settings through no page).
  if (actor.kind !== "member") throw new DomainError("FORBIDDEN");
  const secret = SECRET_PREFIX + randomBytes(24).toString("base64url");
  const events = [...new Set(input.events)];
  const hook = await tx.webhook.create({
    data: { workspaceId: actor.workspaceId, url: input.url, events: JSON.stringify(events), secret, prefix: secret.slice(0, 10), ownerMemberId: actor.id, ownerLabel: actor.label },
  });
  await writeAudit(tx, actor, { action: "webhook.created", targetType: "webhook", targetId: hook.id, targetLabel: hook.url, after: { url: hook.url, events } });
  return { id: hook.id, url: hook.url, prefix: hook.prefix, secret };
}

export async function deleteWebhook(tx: Tx, actor: Principal, webhookId: string, now = new Date()): Promise<{ url: string }> {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "API_KEYS_AND_WEBHOOKS");
  const hook = await tx.webhook.findFirst({ where: { id: webhookId, workspaceId: actor.workspaceId, deletedAt: null } });
  if (!hook) throw new DomainError("NOT_FOUND");
  await tx.webhook.update({ where: { id: hook.id }, data: { deletedAt: now } });
  // What is still queued is not sent once the webhook is gone.
  await tx.webhookDelivery.updateMany({ where: { webhookId: hook.id, status: "pending" }, data: { status: "failed", lastError: "WEBHOOK_DELETED" } });
  await writeAudit(tx, actor, { action: "webhook.deleted", targetType: "webhook", targetId: hook.id, targetLabel: hook.url, before: { url: hook.url, events: parseEvents(hook.events) } });
  return { url: hook.url };
}

export interface WebhookDeliveryRow {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed" | "withheld";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookRow {
  id: string;
  url: string;
  prefix: string;
  events: string[];
  ownerLabel: string;
  createdAt: Date;
  deliveries: WebhookDeliveryRow[];
}

/** The workspace's webhooks with their latest deliveries (the delivery log): no secret, no payload. */
export async function listWebhooks(db: Tx, workspaceId: string): Promise<WebhookRow[]> {
  const hooks = await db.webhook.findMany({
    where: { workspaceId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    include: { deliveries: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: DELIVERY_LOG_SIZE } },
  });
  return hooks.map((hook) => ({
    id: hook.id,
    url: hook.url,
    prefix: hook.prefix,
    events: parseEvents(hook.events),
    ownerLabel: hook.ownerLabel,
    createdAt: hook.createdAt,
    deliveries: hook.deliveries.map((delivery) => ({
      id: delivery.id,
      event: delivery.event,
      status: delivery.status as WebhookDeliveryRow["status"],
      attempts: delivery.attempts,
      responseStatus: delivery.responseStatus,
      lastError: delivery.lastError,
      nextAttemptAt: delivery.status === "pending" ? delivery.nextAttemptAt : null,
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt,
    })),
  }));
}
