/**
 * Small factories that build workspace data. The seed composes them into the demo
 * workspace; integration and e2e tests reuse them to set up exactly what they need.
 * Each takes a Prisma client or transaction, so callers choose the database.
 */
import { apiKeyPrefix, hashApiKeySecret } from "@/lib/api-keys/secret";
import type { Client } from "@/lib/workspace/build";

// The workspace, its objects, roles and members: built the way the first setup builds them.
export { createMember, createObject, createRole, createStandardObjects, createWorkspace, type ObjectIndex, type RoleSeed } from "@/lib/workspace/build";

export async function createApiKey(
  db: Client,
  input: { workspaceId: string; name: string; secret: string; roleId?: string | null; expiresAt?: Date | null },
) {
  return db.apiKey.create({
    data: {
      workspaceId: input.workspaceId,
      name: input.name,
      prefix: apiKeyPrefix(input.secret),
      secretHash: hashApiKeySecret(input.secret),
      roleId: input.roleId ?? null,
      expiresAt: input.expiresAt ?? null,
    },
  });
}

export async function createAgent(db: Client, input: { workspaceId: string; name: string; description?: string; roleId?: string | null }) {
  return db.agent.create({
    data: { workspaceId: input.workspaceId, name: input.name, description: input.description ?? "", roleId: input.roleId ?? null },
  });
}

export async function createRecords(
  db: Client,
  input: { workspaceId: string; objectMetadataId: string; rows: Record<string, unknown>[]; ids?: string[]; startAt?: Date },
) {
  // Fixed, increasing timestamps keep list order deterministic across seeds.
  const start = (input.startAt ?? new Date("2026-01-05T09:00:00Z")).getTime();
  await db.record.createMany({
    data: input.rows.map((row, index) => {
      const at = new Date(start + index * 3_600_000);
      return {
        ...(input.ids ? { id: input.ids[index] } : {}),
        workspaceId: input.workspaceId,
        objectMetadataId: input.objectMetadataId,
        data: JSON.stringify(row),
        position: index,
        createdAt: at,
        updatedAt: at,
      };
    }),
  });
}
