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

/** The attempts of API-key and agent-token lookups carry this in place of an email: they count per address only. */
const CREDENTIAL_LOOKUP = "(credential lookup)";

/**
 * Addresses this process saw throttled, until when: a throttled address is refused before any
 * lookup. Each process learns it at the first failure it sees, from the database's counts, so
 * several instances let through at most one more failure each, never a burst.
 */
const throttledAddresses = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

function throttledError(until: number, now: Date) {
  return new DomainError("ADDRESS_THROTTLED", { params: { minutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) } });
}

/** Refuses at once an address this process knows to be throttled (no query). */
export function assertAddressNotThrottled(address: string, now = new Date()): void {
  const until = throttledAddresses.get(address);
  if (until === undefined) return;
  if (until > now.getTime()) throw throttledError(until, now);
  throttledAddresses.delete(address);
}

/**
 * Counts a failed API-key or agent-token lookup against its address (SPEC §16), with failed
 * sign-ins: the same 20 per address within the window. Throws ADDRESS_THROTTLED once the
 * address is over the limit (and remembers it); returns otherwise, for the caller's 401.
 */
export async function countFailedLookup(db: Db, address: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const until = await db.$transaction(async (tx) => {
    const frees = await freesAt(tx, { address }, since, MAX_ATTEMPTS_PER_ADDRESS);
    if (frees && frees.getTime() > now.getTime()) return frees.getTime();
    await tx.signInAttempt.create({ data: { email: CREDENTIAL_LOOKUP, address, createdAt: now } });
    return null;
  });
  if (until === null) return;
  if (throttledAddresses.size >= MAX_REMEMBERED) throttledAddresses.clear();
  throttledAddresses.set(address, until);
  throw throttledError(until, now);
}

/** A successful sign-in clears the email's counter (the address keeps its count). */
export async function clearAttempts(db: Tx, email: string, reservedId: string) {
  await db.signInAttempt.deleteMany({ where: { OR: [{ email: normalizeEmail(email) }, { id: reservedId }] } });
}
