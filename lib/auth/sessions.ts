/**
 * Server-side sessions (SPEC §12, §16). The sealed cookie carries the user's id and a random
 * session secret; the database keeps the secret's SHA-256 with the session's end. Every page and
 * server action finds its session row, so signing out (which deletes it), signing out of all
 * sessions and a password change end a session at once, even for a copy of the cookie.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db/prisma";
import { SESSION_TTL_SECONDS } from "./session-config";

function sessionKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Opens a session for the user; returns the secret to seal into the cookie. */
export async function startSession(db: Tx, userId: string, now = new Date()): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await db.session.create({ data: { id: sessionKey(secret), userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000) } });
  return secret;
}

/** Is this the secret of a live session of this user? */
export async function isLiveSession(db: Tx, userId: string, secret: string, now = new Date()): Promise<boolean> {
  const session = await db.session.findUnique({ where: { id: sessionKey(secret) }, select: { userId: true, expiresAt: true } });
  return session !== null && session.userId === userId && session.expiresAt.getTime() > now.getTime();
}

/** Signing out: the session ends on the server, whoever holds a copy of the cookie. */
export async function endSession(db: Tx, secret: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionKey(secret) } });
}

/** Ends every session of the user but `keep` (the caller's own); expired rows go too. */
export async function endOtherSessions(db: Tx, userId: string, keep: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(keep ? { id: { not: sessionKey(keep) } } : {}) } });
  return count;
}

/** Expired sessions are dead already; this only keeps the table small. */
export async function pruneExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
}
