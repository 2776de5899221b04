/**
 * E-mail over SMTP (docs/reference.md §20). With `SMTP_URL` set (e.g. `smtp://user:pass@mail.example.com:587`,
 * `smtps://…` for implicit TLS), every message written to the outbox is queued and handed to that
 * server by the delivery loop; a refusal or an unreachable server leaves it queued, retried with
 * backoff, its last error shown in the outbox, and after the last attempt it stays there as
 * `failed`: nothing is lost. Without `SMTP_URL` the outbox is where messages end, as before.
 * `EMAIL_FROM` sets the sender (default `Rolecall <no-reply@localhost>`).
 *
 * nodemailer: the de facto Node SMTP client (STARTTLS, auth, pooling), no native parts.
 */
import nodemailer from "nodemailer";
import type { Tx } from "@/lib/db/prisma";

/** Seconds to wait after the n-th failed attempt; one attempt more than there are waits. */
export const EMAIL_BACKOFF_SECONDS = [30, 120, 600, 3_600, 6 * 3_600] as const;
export const EMAIL_MAX_ATTEMPTS = EMAIL_BACKOFF_SECONDS.length + 1;
const CLAIM_MS = 120_000;
const BATCH = 20;

/** What a new outbox row starts as: queued for SMTP when it is configured, else stored for good. */
export function initialEmailStatus(env: Readonly<Record<string, string | undefined>> = process.env): { status: "queued" | "stored"; nextAttemptAt: Date | null } {
  return env.SMTP_URL?.trim() ? { status: "queued", nextAttemptAt: new Date() } : { status: "stored", nextAttemptAt: null };
}

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

let cached: { url: string; transport: MailTransport } | null = null;

/** The transport of `SMTP_URL`, or null without it. */
export function smtpTransport(env: Readonly<Record<string, string | undefined>> = process.env): MailTransport | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  return cached.transport;
}

export interface EmailDispatchOptions {
  now?: Date;
  transport?: MailTransport | null;
  from?: string;
}

/** Sends every queued message that is due; returns how many were attempted and sent. */
export async function dispatchDueEmails(db: Tx, options: EmailDispatchOptions = {}): Promise<{ attempted: number; sent: number }> {
  const transport = options.transport === undefined ? smtpTransport() : options.transport;
  const result = { attempted: 0, sent: 0 };
  if (!transport) return result;
  const now = options.now ?? new Date();
  const from = options.from ?? process.env.EMAIL_FROM?.trim() ?? "Rolecall <no-reply@localhost>";
  const unclaimed = { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
  const due = await db.outboxMessage.findMany({
    where: { status: "queued", nextAttemptAt: { lte: now }, ...unclaimed },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: { id: true },
  });
  for (const { id } of due) {
    const claimed = await db.outboxMessage.updateMany({ where: { id, status: "queued", ...unclaimed }, data: { lockedUntil: new Date(now.getTime() + CLAIM_MS) } });
    if (claimed.count !== 1) continue;
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    const attempts = message.attempts + 1;
    result.attempted++;
    try {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.body });
      await db.outboxMessage.update({ where: { id }, data: { status: "sent", attempts, sentAt: now, lastError: null, lockedUntil: null } });
      result.sent++;
    } catch (error) {
      const last = attempts >= EMAIL_MAX_ATTEMPTS;
      await db.outboxMessage.update({
        where: { id },
        data: {
          status: last ? "failed" : "queued",
          attempts,
          lastError: describe(error),
          lockedUntil: null,
          nextAttemptAt: last ? null : new Date(now.getTime() + EMAIL_BACKOFF_SECONDS[attempts - 1] * 1_000),
        },
      });
    }
  }
  return result;
}

/** A short, credential-free reason: nodemailer's code (ECONNECTION, EAUTH…) and the server's reply code. */
function describe(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return [typeof code === "string" ? code : "ERROR", typeof responseCode === "number" ? String(responseCode) : null].filter(Boolean).join(" ");
}
