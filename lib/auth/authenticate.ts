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
 * Checks an email and password (docs/reference.md §12): refused without looking at the password while the
 * email or the address has too many recent failures; a success clears the email's counter.
 */
export async function authenticate(db: Db, email: string, password: string, context: SignInContext = { address: "unknown" }) {
  const normalized = normalizeEmail(email);
  const attemptId = await reserveAttempt(db, { email: normalized, address: context.address, now: context.now });
  const user = await db.user.findUnique({ where: { email: normalized } });
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !valid) throw new DomainError("INVALID_CREDENTIALS");
  // Deactivated by the identity provider (docs/reference.md §20) in every workspace it belongs to: no sign-in.
  const memberships = await db.workspaceMember.findMany({ where: { userId: user.id }, select: { deactivatedAt: true } });
  if (memberships.length > 0 && memberships.every((membership) => membership.deactivatedAt !== null)) throw new DomainError("INVALID_CREDENTIALS");
  // docs/reference.md §20: with `Password sign-in` off, only Admins sign in with a password (a way in if SSO breaks).
  const passwordOff = await db.ssoSettings.findFirst({ where: { passwordSignIn: false, workspace: { members: { some: { userId: user.id } } } }, select: { workspaceId: true } });
  if (passwordOff && !(await db.workspaceMember.findFirst({ where: { userId: user.id, workspaceId: passwordOff.workspaceId, role: { isAdmin: true } }, select: { id: true } }))) {
    throw new DomainError("PASSWORD_SIGN_IN_DISABLED");
  }
  // docs/reference.md §16: a temporary password works for 7 days; after that it counts as a failed attempt.
  if (user.mustChangePassword && user.temporaryPasswordExpiresAt && user.temporaryPasswordExpiresAt.getTime() <= (context.now ?? new Date()).getTime()) {
    throw new DomainError("TEMPORARY_PASSWORD_EXPIRED");
  }
  await clearAttempts(db, normalized, attemptId);
  return user;
}
