import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { lockKeys } from "@/lib/db/locks";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { checkNewPassword, MAX_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { EMAIL_MAX_LENGTH, MEMBER_NAME_MAX_LENGTH } from "@/lib/members/input";
import { ADMIN_ROLE, GUEST_ROLE, MEMBER_ROLE } from "@/lib/roles/built-in";
import { createMember, createRole, createStandardObjects, createWorkspace } from "@/prisma/factories";

export const WORKSPACE_NAME_MAX_LENGTH = 100;

export const setupInput = z.object({
  workspaceName: z.string().trim().min(1).max(WORKSPACE_NAME_MAX_LENGTH),
  name: z.string().trim().min(1).max(MEMBER_NAME_MAX_LENGTH),
  email: z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH).pipe(z.email()),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});
export type SetupInput = z.infer<typeof setupInput>;

/** The first run without the demo: no workspace yet, so /setup is open. */
export async function needsSetup(db: Db): Promise<boolean> {
  return (await db.workspace.count()) === 0;
}

/**
 * Creates the workspace of a real deployment (SPEC §12) with the built-in roles (Admin, Member
 * as the default role, Guest) and its first Admin. Only once: the check runs inside the write
 * transaction, so of two setups submitted at the same moment one creates the workspace and the
 * other is refused with NOT_FOUND (the page is gone). Creates no API key and no demo data.
 */
export async function setUpWorkspace(db: Db, input: SetupInput): Promise<{ userId: string; workspaceId: string }> {
  checkNewPassword(input.password, { email: input.email, name: input.name, field: "password" });
  // Argon2 is deliberately slow: hash before the transaction takes the write lock.
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(
    async (tx) => {
      // There is no row to lock before the first workspace exists: a named lock (lib/db/locks.ts).
      await lockKeys(tx, ["workspace-setup"]);
      if ((await tx.workspace.count()) > 0) throw new DomainError("NOT_FOUND");
      const workspace = await createWorkspace(tx, { name: input.workspaceName });
      const objects = await createStandardObjects(tx, workspace.id);
      const roles: Record<string, { id: string }> = {};
      for (const seed of [ADMIN_ROLE, MEMBER_ROLE, GUEST_ROLE]) roles[seed.name] = await createRole(tx, workspace.id, objects, seed);
      await tx.workspace.update({ where: { id: workspace.id }, data: { defaultRoleId: roles.Member.id } });
      const member = await createMember(tx, { workspaceId: workspace.id, roleId: roles.Admin.id, email: input.email, name: input.name, passwordHash });
      await writeAudit(
        tx,
        { kind: "member", id: member.id, label: input.name, workspaceId: workspace.id },
        { action: "workspace.created", targetType: "workspace", targetId: workspace.id, targetLabel: input.workspaceName, after: { name: input.workspaceName, admin: input.email } },
      );
      return { userId: member.userId, workspaceId: workspace.id };
    },
    { timeout: 30_000 },
  );
}
