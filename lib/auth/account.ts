import { z } from "zod";
import type { Db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import type { Principal } from "@/lib/access/principal";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkNewPassword, MAX_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

/** The signed-in member acting on their own account. */
export type AccountActor = Pick<Principal, "kind" | "id" | "label" | "workspaceId"> & { userId: string; email: string; name: string };

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/**
 * Replaces the actor's password after checking the current one (SPEC §12). It also ends every
 * other session of the user: the generation moves on, and only the caller receives the new one.
 * Returns the new session generation for the caller's cookie.
 */
export async function changePassword(db: Db, actor: AccountActor, input: ChangePasswordInput): Promise<{ generation: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new DomainError("WRONG_CURRENT_PASSWORD", { field: "currentPassword" });
  if (input.newPassword === input.currentPassword) throw new DomainError("PASSWORD_UNCHANGED", { field: "newPassword" });
  checkNewPassword(input.newPassword, { email: user.email, name: user.name, field: "newPassword" });
  // Argon2 is deliberately slow: hash before the transaction takes the write lock.
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only if the password is still the one just verified: two changes at once cannot both win.
    const changed = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, sessionGeneration: { increment: 1 } },
    });
    if (changed.count === 0) throw new DomainError("WRONG_CURRENT_PASSWORD", { field: "currentPassword" });
    const { sessionGeneration } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionGeneration: true } });
    await writeAudit(tx, actor, {
      action: "account.passwordChanged",
      targetType: "member",
      targetId: actor.id,
      targetLabel: actor.name,
      after: { temporaryPasswordReplaced: user.mustChangePassword },
    });
    return { generation: sessionGeneration };
  });
}

/** Ends every other session of the actor at its next request; the caller keeps theirs with the returned generation. */
export async function signOutOtherSessions(db: Db, actor: AccountActor): Promise<{ generation: number }> {
  return db.$transaction(async (tx) => {
    const { sessionGeneration } = await tx.user.update({
      where: { id: actor.userId },
      data: { sessionGeneration: { increment: 1 } },
      select: { sessionGeneration: true },
    });
    await writeAudit(tx, actor, { action: "account.signedOutEverywhere", targetType: "member", targetId: actor.id, targetLabel: actor.name });
    return { generation: sessionGeneration };
  });
}
