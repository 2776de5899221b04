/**
 * The delivery loop of a server process: every few seconds, what is due is sent. Each worker of
 * the cluster runs one; deliveries are claimed row by row, so they share the work.
 */
import type { Tx } from "@/lib/db/prisma";
import { dispatchDueWebhooks } from "./deliver";

const INTERVAL_MS = 2_000;

export function startWebhookLoop(db: Tx, intervalMs = INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatchDueWebhooks(db)
      .catch((error: unknown) => console.error("webhook deliveries:", error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
