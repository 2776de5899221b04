import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import type { Principal } from "@/lib/access/principal";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkNewPassword, MAX_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { endOtherSessions } from "@/lib/auth/sessions";

/** The signed-in member acting on their own account. */
export type AccountActor = Pick<Principal, "kind" | "id" | "label" | "workspaceId"> & { userId: string; email: string; name: string };

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** A checked password change, made before the transaction: argon2 (verify, hash) is deliberately slow. */
export interface PasswordChange {
  readonly userId: string;
  /** The hash the change replaces: if another change won in between, this one is refused. */
  readonly previousHash: string;
  readonly passwordHash: string;
  readonly replacesTemporary: boolean;
}

/** Checks the current password and the new one (SPEC §12), and hashes the new one. Writes nothing. */
export async function preparePasswordChange(db: Tx, actor: AccountActor, input: ChangePasswordInput): Promise<PasswordChange> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new DomainError("WRONG_CURRENT_PASSWORD", { field: "currentPassword" });
  if (input.newPassword === input.currentPassword) throw new DomainError("PASSWORD_UNCHANGED", { field: "newPassword" });
  checkNewPassword(input.newPassword, { email: user.email, name: user.name, field: "newPassword" });
  return { userId: user.id, previousHash: user.passwordHash, passwordHash: await hashPassword(input.newPassword), replacesTemporary: user.mustChangePassword };
}

/**
 * Replaces the actor's password, in the caller's transaction (SPEC §12). It also ends every
 * other session of the user; `currentSession` (the caller's own) stays.
 */
export async function changePassword(tx: Tx, actor: AccountActor, change: PasswordChange, currentSession: string | null): Promise<void> {
  if (change.userId !== actor.userId) throw new DomainError("FORBIDDEN");
  // Only if the password is still the one just verified: two changes at once cannot both win.
  const changed = await tx.user.updateMany({
    where: { id: change.userId, passwordHash: change.previousHash },
    data: { passwordHash: change.passwordHash, mustChangePassword: false, temporaryPasswordExpiresAt: null },
  });
  if (changed.count === 0) throw new DomainError("WRONG_CURRENT_PASSWORD", { field: "currentPassword" });
  await endOtherSessions(tx, change.userId, currentSession);
  await writeAudit(tx, actor, {
    action: "account.passwordChanged",
    targetType: "member",
    targetId: actor.id,
    targetLabel: actor.name,
    after: { temporaryPasswordReplaced: change.replacesTemporary },
  });
}

/** Ends every other session of the actor, on the server: the caller keeps `currentSession`. */
export async function signOutOtherSessions(tx: Tx, actor: AccountActor, currentSession: string | null): Promise<{ ended: number }> {
  const ended = await endOtherSessions(tx, actor.userId, currentSession);
  await writeAudit(tx, actor, { action: "account.signedOutEverywhere", targetType: "member", targetId: actor.id, targetLabel: actor.name, after: { sessionsEnded: ended } });
  return { ended };
}
