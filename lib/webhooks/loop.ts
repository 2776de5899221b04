/**
 * The delivery loop of a server process: every few seconds, what is due is sent (webhooks, and
 * e-mail when `SMTP_URL` is set). Each worker of the cluster runs one; rows are claimed one by
 * one, so they share the work.
 */
import type { Tx } from "@/lib/db/prisma";
import { dispatchDueEmails } from "@/lib/email/smtp";
import { dispatchDueWebhooks } from "./deliver";

const INTERVAL_MS = 2_000;

export function startWebhookLoop(db: Tx, intervalMs = INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    Promise.all([
      dispatchDueWebhooks(db).catch((error: unknown) => console.error("webhook deliveries:", error instanceof Error ? error.message : error)),
      dispatchDueEmails(db).catch((error: unknown) => console.error("e-mail deliveries:", error instanceof Error ? error.message : error)),
    ])
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
