/**
 * Every row of one workspace, in a stable order: "a refusal changes nothing" as strongly as the
 * e2e suite can say it while other tests write other workspaces of the same database. Sessions,
 * sign-in attempts and `lastUsedAt` stamps are left out (signing in and reading write them).
 */
import { db } from "./fixtures";

const byId = { orderBy: { id: "asc" as const } };

export async function workspaceSnapshot(workspaceId: string): Promise<string> {
  const where = { workspaceId };
  const [workspace, members, roles, apiKeys, agents, tokens, objects, records, audit, outbox, versions, guardrails] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    db.workspaceMember.findMany({ where, ...byId, include: { user: { select: { id: true, email: true, name: true, passwordHash: true, mustChangePassword: true, temporaryPasswordExpiresAt: true } } } }),
    db.role.findMany({ where, ...byId, include: { objectPermissions: byId, fieldPermissions: byId, settingPermissions: { orderBy: { setting: "asc" } }, actionPermissions: { orderBy: { action: "asc" } } } }),
    db.apiKey.findMany({ where, ...byId, omit: { lastUsedAt: true } }),
    db.agent.findMany({ where, ...byId }),
    db.agentToken.findMany({ where, ...byId, omit: { lastUsedAt: true } }),
    db.objectMetadata.findMany({ where, ...byId, include: { fields: byId } }),
    db.record.findMany({ where, ...byId }),
    db.auditLog.findMany({ where, ...byId }),
    db.outboxMessage.findMany({ where, ...byId }),
    db.roleVersion.findMany({ where, ...byId }),
    db.guardrail.findMany({ where, ...byId }),
  ]);
  return JSON.stringify({ workspace, members, roles, apiKeys, agents, tokens, objects, records, audit, outbox, versions, guardrails });
}
