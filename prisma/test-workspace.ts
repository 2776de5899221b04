/**
 * A small isolated workspace for tests that change roles, assignments or the default role,
 * so that they can run in parallel with each other and with the demo workspace.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { ADMIN_ROLE, GUEST_ROLE, INTERN_ROLE, MEMBER_ROLE } from "@/lib/roles/built-in";
import { createAgent, createApiKey, createMember, createRole, createStandardObjects, createWorkspace } from "./factories";
import { DEMO_PASSWORD } from "./demo-accounts";

let passwordHash: Promise<string> | undefined;

export async function createTestWorkspace(db: PrismaClient, options: { admins?: number; members?: number } = {}) {
  const tag = randomUUID().slice(0, 8);
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  return db.$transaction(async (tx) => {
    const workspace = await createWorkspace(tx, { name: `Test ${tag}` });
    const objects = await createStandardObjects(tx, workspace.id);
    const roles: Record<string, { id: string; name: string }> = {};
    for (const seed of [ADMIN_ROLE, MEMBER_ROLE, GUEST_ROLE, INTERN_ROLE]) roles[seed.name] = await createRole(tx, workspace.id, objects, seed);
    await tx.workspace.update({ where: { id: workspace.id }, data: { defaultRoleId: roles.Member.id } });

    const admins = [];
    for (let i = 0; i < (options.admins ?? 2); i++) {
      admins.push(await createMember(tx, { workspaceId: workspace.id, roleId: roles.Admin.id, email: `admin${i}-${tag}@test.dev`, name: `Admin ${i + 1} ${tag}`, passwordHash: hash }));
    }
    const members = [];
    for (let i = 0; i < (options.members ?? 2); i++) {
      members.push(await createMember(tx, { workspaceId: workspace.id, roleId: roles.Member.id, email: `member${i}-${tag}@test.dev`, name: `Member ${i + 1} ${tag}`, passwordHash: hash }));
    }
    const apiKey = await createApiKey(tx, { workspaceId: workspace.id, name: `Key ${tag}`, secret: `test-key-${tag}` });
    const agent = await createAgent(tx, { workspaceId: workspace.id, name: `Agent ${tag}`, roleId: roles.Member.id });
    return { tag, workspace, objects, roles, admins, members, apiKey, apiKeySecret: `test-key-${tag}`, agent };
  });
}
