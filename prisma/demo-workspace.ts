/**
 * The demo workspace of SPEC §10. Used by `prisma/seed.ts` on first start and by tests,
 * which seed a throwaway database with it.
 */
import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { ADMIN_ROLE, DEMO_AUDIT_SET_DAYS, EXPORT_FOR_AUDIT_SET, GUEST_ROLE, INTERN_ROLE, MEMBER_ROLE, SALES_REP_ROLE, SUPPORT_ROLE } from "@/lib/roles/built-in";
import { assignDemoOwners, buildDemoRows, DEMO_COUNTS } from "./demo-data";
import { DEMO_API_KEYS, DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE_NAME } from "./demo-accounts";
import { createAgent, createApiKey, createMember, createRecords, createRole, createStandardObjects, createWorkspace } from "./factories";

export async function seedDemoWorkspace(db: PrismaClient, now = new Date()) {
  return db.$transaction(
    async (tx) => {
      const workspace = await createWorkspace(tx, { name: DEMO_WORKSPACE_NAME });
      const objects = await createStandardObjects(tx, workspace.id);

      const roles: Record<string, { id: string }> = {};
      for (const seed of [ADMIN_ROLE, MEMBER_ROLE, GUEST_ROLE, INTERN_ROLE, SUPPORT_ROLE, SALES_REP_ROLE]) {
        roles[seed.name] = await createRole(tx, workspace.id, objects, seed);
      }
      await tx.workspace.update({ where: { id: workspace.id }, data: { defaultRoleId: roles.Member.id, isDemo: true } });

      // One hash for every demo user: argon2 is deliberately slow.
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const memberIds: Record<string, string> = {};
      for (const user of DEMO_USERS) {
        const member = await createMember(tx, { workspaceId: workspace.id, roleId: roles[user.role].id, email: user.email, name: user.name, passwordHash });
        memberIds[user.email] = member.id;
      }
      // SPEC §17: Olivia holds Export for audit beside Guest until 30 days after this seed.
      const auditSet = await createRole(tx, workspace.id, objects, EXPORT_FOR_AUDIT_SET, "set");
      await tx.permissionSetAssignment.create({
        data: { workspaceId: workspace.id, setId: auditSet.id, principalKind: "member", principalId: memberIds["olivia@acme.dev"], expiresAt: new Date(now.getTime() + DEMO_AUDIT_SET_DAYS * 86_400_000), createdAt: now },
      });
      for (const key of DEMO_API_KEYS) {
        await createApiKey(tx, { workspaceId: workspace.id, name: key.name, secret: key.secret, roleId: key.role ? roles[key.role].id : null });
      }
      await createAgent(tx, {
        workspaceId: workspace.id,
        name: "Sales assistant",
        description: "Drafts follow-ups and keeps People and Companies up to date.",
        roleId: roles.Member.id,
      });

      const companyIds = Array.from({ length: DEMO_COUNTS.company }, (_, index) => `demo-company-${String(index + 1).padStart(3, "0")}`);
      const rows = assignDemoOwners(buildDemoRows(companyIds), memberIds);
      await createRecords(tx, { workspaceId: workspace.id, objectMetadataId: objects.company.id, rows: rows.company, ids: companyIds });
      for (const object of ["person", "opportunity", "note", "task"] as const) {
        await createRecords(tx, { workspaceId: workspace.id, objectMetadataId: objects[object].id, rows: rows[object] });
      }
      return { workspace, objects, roles };
    },
    { timeout: 60_000 },
  );
}
