/**
 * Sending webhook deliveries (docs/reference.md §20): each a JSON POST whose raw body is signed with
 * HMAC-SHA256 under the webhook's secret (`Rolecall-Signature: sha256=<hex>`), retried with
 * backoff when the receiver fails or cannot be reached. The body is built at each attempt through
 * the owner's sight as it is *then* (lib/sight/webhooks.ts): an owner who lost access since the
 * change was queued gets nothing more.
 *
 * Several instances may run this at once (docs/reference.md §21): a delivery is claimed by a conditional
 * update before it is sent, so at most one of them sends a given attempt.
 */
import { createHmac } from "node:crypto";
import type { Tx } from "@/lib/db/prisma";
import { memberPrincipal } from "@/lib/access/principal";
import { canSetting } from "@/lib/permissions";
import { webhookPayload } from "@/lib/sight/webhooks";

export const SIGNATURE_HEADER = "Rolecall-Signature";
/** Seconds to wait after the n-th failed attempt; one attempt more than there are waits. */
export const BACKOFF_SECONDS = [10, 30, 120, 600, 3_600] as const;
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;
const CLAIM_MS = 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export interface DispatchOptions {
  now?: Date;
  fetch?: typeof fetch;
  /** Only this webhook's deliveries (tests). */
  webhookId?: string;
}

export interface DispatchResult {
  attempted: number;
  delivered: number;
}

/** Sends every delivery that is due now; returns how many were attempted and delivered. */
export async function dispatchDueWebhooks(db: Tx, options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const send = options.fetch ?? fetch;
  const unclaimed = { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
  const due = await db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, ...unclaimed, ...(options.webhookId ? { webhookId: options.webhookId } : {}) },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: { id: true },
  });
  const result = { attempted: 0, delivered: 0 };
  for (const { id } of due) {
    const claimed = await db.webhookDelivery.updateMany({ where: { id, status: "pending", ...unclaimed }, data: { lockedUntil: new Date(now.getTime() + CLAIM_MS) } });
    if (claimed.count !== 1) continue;
    const outcome = await attempt(db, id, now, send);
    if (outcome === "sent" || outcome === "failed") result.attempted++;
    if (outcome === "sent") result.delivered++;
  }
  return result;
}

type Outcome = "sent" | "failed" | "dropped";

async function attempt(db: Tx, id: string, now: Date, send: typeof fetch): Promise<Outcome> {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { webhook: true } });
  const hook = delivery.webhook;
  const drop = async (reason: string, status = "failed") => {
    await db.webhookDelivery.update({ where: { id }, data: { status, lastError: reason, lockedUntil: null } });
    return "dropped" as const;
  };
  if (hook.deletedAt) return drop("WEBHOOK_DELETED");
  // The owner's sight, now (docs/reference.md §16): an owner removed or without the permission any more sends nothing.
  const owner = await memberPrincipal(db, hook.ownerMemberId, now);
  if (!owner || owner.workspaceId !== hook.workspaceId || !canSetting(owner.permissions, "API_KEYS_AND_WEBHOOKS")) return drop("OWNER_NO_ACCESS");
  const payload = await webhookPayload(db, owner, { deliveryId: delivery.id, event: delivery.event, auditLogId: delivery.auditLogId });
  if (!payload) return drop("OUTSIDE_OWNER_SIGHT", "withheld");

  const body = JSON.stringify(payload);
  const attempts = delivery.attempts + 1;
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const response = await send(hook.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Rolecall-Webhooks", [SIGNATURE_HEADER]: signWebhookBody(hook.secret, body), "Rolecall-Event": delivery.event, "Rolecall-Delivery": delivery.id },
      body,
      // A redirect is a failure: the receiver is the URL that was registered, nothing it points to.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    responseStatus = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 200 || response.status >= 300) error = `HTTP_${response.status}`;
  } catch (caught) {
    error = caught instanceof Error && caught.name === "TimeoutError" ? "TIMEOUT" : "UNREACHABLE";
  }
  if (error === null) {
    await db.webhookDelivery.update({ where: { id }, data: { status: "delivered", attempts, responseStatus, lastError: null, deliveredAt: now, lockedUntil: null } });
    return "sent";
  }
  const last = attempts >= MAX_ATTEMPTS;
  await db.webhookDelivery.update({
    where: { id },
    data: {
      status: last ? "failed" : "pending",
      attempts,
      responseStatus,
      lastError: error,
      lockedUntil: null,
      ...(last ? {} : { nextAttemptAt: new Date(now.getTime() + BACKOFF_SECONDS[attempts - 1] * 1_000) }),
    },
  });
  return "failed";
}
