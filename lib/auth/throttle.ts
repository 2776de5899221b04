import type { Db, Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { lockKeys } from "@/lib/db/locks";

/** SPEC §12: 5 failed attempts for one email, or 20 from one address, within 15 minutes. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_ATTEMPTS_PER_EMAIL = 5;
export const MAX_ATTEMPTS_PER_ADDRESS = 20;

export interface AttemptSource {
  email: string;
  address: string;
  now?: Date;
}

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * When the oldest attempt that keeps a counter at its limit leaves the window. Attempts are
 * reserved before the password is checked, so `count` is the limit, or a little above it when
 * several attempts raced; the window frees when enough of the oldest ones expire.
 */
async function freesAt(tx: Tx, where: { email: string } | { address: string }, since: Date, limit: number): Promise<Date | null> {
  const attempts = await tx.signInAttempt.findMany({
    where: { ...where, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (attempts.length < limit) return null;
  return new Date(attempts[attempts.length - limit].createdAt.getTime() + THROTTLE_WINDOW_MS);
}

/**
 * Refuses the attempt while either counter is full (without looking at the password), else
 * counts it as a failure until `clearAttempts` says it succeeded. Reserving before the slow
 * password check, in one write transaction, keeps a burst of parallel attempts from all
 * passing the check before any failure is recorded. Returns the reserved attempt's id.
 */
export async function reserveAttempt(db: Db, source: AttemptSource): Promise<string> {
  const now = source.now ?? new Date();
  const email = normalizeEmail(source.email);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return db.$transaction(async (tx) => {
    // The two counters this attempt reads and adds to: parallel attempts on one email or from
    // one address take their turn, attempts on other emails go on (lib/db/locks.ts).
    await lockKeys(tx, [`sign-in:email:${email}`, `sign-in:address:${source.address}`]);
    await tx.signInAttempt.deleteMany({ where: { createdAt: { lte: since } } });
    const [byEmail, byAddress] = await Promise.all([
      freesAt(tx, { email }, since, MAX_ATTEMPTS_PER_EMAIL),
      freesAt(tx, { address: source.address }, since, MAX_ATTEMPTS_PER_ADDRESS),
    ]);
    const until = Math.max(byEmail?.getTime() ?? 0, byAddress?.getTime() ?? 0);
    if (until > now.getTime()) {
      throw new DomainError("SIGN_IN_THROTTLED", { params: { minutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) } });
    }
    const attempt = await tx.signInAttempt.create({ data: { email, address: source.address, createdAt: now } });
    return attempt.id;
  });
}

/** A successful sign-in clears the email's counter (the address keeps its count). */
export async function clearAttempts(db: Tx, email: string, reservedId: string) {
  await db.signInAttempt.deleteMany({ where: { OR: [{ email: normalizeEmail(email) }, { id: reservedId }] } });
}

/** The client's address: the first x-forwarded-for entry behind a trusted proxy, else what the server saw. */
export function clientAddress(forwardedFor: string | null | undefined): string {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return "unknown";
  // Without a trusted proxy, Next fills x-forwarded-for with the socket's address only when the
  // client sent none; the last entry is the closest to this server either way.
  return process.env.TRUST_PROXY === "1" ? entries[0] : entries[entries.length - 1];
}
