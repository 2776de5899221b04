import type { Db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { clearAttempts, normalizeEmail, reserveAttempt } from "./throttle";

// Verifying against a throwaway hash when the email is unknown keeps response times equal,
// so sign-in does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

export interface SignInContext {
  /** The client's address, for the per-address limit. */
  address: string;
  now?: Date;
}

/**
 * Checks an email and password (SPEC §12): refused without looking at the password while the
 * email or the address has too many recent failures; a success clears the email's counter.
 */
export async function authenticate(db: Db, email: string, password: string, context: SignInContext = { address: "unknown" }) {
  const normalized = normalizeEmail(email);
  const attemptId = await reserveAttempt(db, { email: normalized, address: context.address, now: context.now });
  const user = await db.user.findUnique({ where: { email: normalized } });
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !valid) throw new DomainError("INVALID_CREDENTIALS");
  // SPEC §16: a temporary password works for 7 days; after that it counts as a failed attempt.
  if (user.mustChangePassword && user.temporaryPasswordExpiresAt && user.temporaryPasswordExpiresAt.getTime() <= (context.now ?? new Date()).getTime()) {
    throw new DomainError("TEMPORARY_PASSWORD_EXPIRED");
  }
  await clearAttempts(db, normalized, attemptId);
  return user;
}
