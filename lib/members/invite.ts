import { randomBytes } from "node:crypto";
import { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { isRoleAssignable } from "@/lib/workspace/role-assignable";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { hashPassword } from "@/lib/auth/password";
import type { InviteMemberInput } from "./input";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export interface InvitedMember {
  memberId: string;
  name: string;
  email: string;
  roleName: string;
  /** Shown once to the inviting admin, who passes it on; only its argon2 hash is stored. */
  temporaryPassword: string;
}

/** SPEC §16: a temporary password that nobody used within a week stops working. */
export const TEMPORARY_PASSWORD_LIFETIME_MS = 7 * 86_400_000;

/** 96 random bits in 16 URL-safe characters: easy to copy, impossible to guess. */
export function generateTemporaryPassword(): string {
  return randomBytes(12).toString("base64url");
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A temporary password and its hash, made before the transaction: argon2 is deliberately slow. */
export interface TemporaryCredentials {
  temporaryPassword: string;
  passwordHash: string;
}

export async function temporaryCredentials(): Promise<TemporaryCredentials> {
  const temporaryPassword = generateTemporaryPassword();
  return { temporaryPassword, passwordHash: await hashPassword(temporaryPassword) };
}

/**
 * Adds a person to the workspace (SPEC §3, §4): a new account that joins with the workspace's
 * default role, never a role the inviter picks. The account signs in with a temporary password
 * that the inviter sees once; there is no e-mail delivery of invitations. The caller hashes the
 * password (`temporaryCredentials`) before it opens the transaction, so the write lock is not
 * held while argon2 runs.
 */
export async function inviteMember(tx: Tx, actor: Principal, input: InviteMemberInput, credentials: TemporaryCredentials, now = new Date()): Promise<InvitedMember> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "MEMBERS");
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, include: { defaultRole: true } });
  const role = workspace.defaultRole;
  if (!role) throw new DomainError("NOT_FOUND");
  if (!isRoleAssignable(role, "member")) throw new DomainError("ROLE_NOT_ASSIGNABLE");
  // The invitee joins with the default role, and the inviter hands over the password.
  await assertRoleIdWithinAuthority(tx, actor, authority, role.id);
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new DomainError("EMAIL_TAKEN", { field: "email" });

  const user = await tx.user
    .create({ data: { email: input.email, name: input.name, passwordHash: credentials.passwordHash, mustChangePassword: true, temporaryPasswordExpiresAt: new Date(now.getTime() + TEMPORARY_PASSWORD_LIFETIME_MS) } })
    .catch((error: unknown) => {
      // Two invitations of one email at the same moment: the database keeps emails unique.
      throw isUniqueViolation(error) ? new DomainError("EMAIL_TAKEN", { field: "email" }) : error;
    });
  const member = await tx.workspaceMember.create({ data: { workspaceId: actor.workspaceId, userId: user.id, roleId: role.id } });
  await writeAudit(tx, actor, {
    action: "member.invited",
    targetType: "member",
    targetId: member.id,
    targetLabel: input.name,
    roleId: role.id,
    after: { name: input.name, email: input.email, role: role.name },
  });
  return { memberId: member.id, name: input.name, email: input.email, roleName: role.name, temporaryPassword: credentials.temporaryPassword };
}
