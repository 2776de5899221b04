/**
 * Small factories that build workspace data. The seed composes them into the demo
 * workspace; integration and e2e tests reuse them to set up exactly what they need.
 * Each takes a Prisma client or transaction, so callers choose the database.
 */
import type { PrismaClient } from "@prisma/client";
import { seedToRole, type RoleSeed } from "@/lib/permissions";
import { writeRoleDefinition } from "@/lib/roles/store";
import { SYSTEM_FIELDS, STANDARD_OBJECTS, type StandardObject } from "@/lib/metadata/standard-objects";
import { apiKeyPrefix, hashApiKeySecret } from "@/lib/api-keys/secret";
import { hashPassword } from "@/lib/auth/password";

type Client = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Object name → its id and its fields' ids, as created in one workspace. */
export type ObjectIndex = Record<string, { id: string; fields: Record<string, string> }>;

/** The short way to write a role (lib/permissions/model.ts): what is absent is not granted. */
export type { RoleSeed } from "@/lib/permissions";

export async function createWorkspace(db: Client, input: { name: string; defaultLocale?: string }) {
  return db.workspace.create({ data: { name: input.name, defaultLocale: input.defaultLocale ?? "en" } });
}

export async function createObject(db: Client, workspaceId: string, object: StandardObject, position: number, isCustom = false) {
  const created = await db.objectMetadata.create({
    data: {
      workspaceId,
      nameSingular: object.nameSingular,
      namePlural: object.namePlural,
      labelSingular: object.labelSingular,
      labelPlural: object.labelPlural,
      icon: object.icon,
      isCustom,
      position,
      fields: {
        // id first, then the object's own fields, then the timestamps: the display and JSON order.
        create: [SYSTEM_FIELDS[0], ...object.fields, ...SYSTEM_FIELDS.slice(1)].map((field, index) => ({
          name: field.name,
          label: field.label,
          type: field.type,
          isLabel: field.isLabel ?? false,
          isSystem: field.isSystem ?? false,
          isCustom,
          options: field.options ? JSON.stringify(field.options) : null,
          position: index,
        })),
      },
    },
    include: { fields: true },
  });
  // A data-model change like any other: caches stamped with the old version must miss.
  await db.workspace.update({ where: { id: workspaceId }, data: { metadataVersion: { increment: 1 } } });
  return { id: created.id, fields: Object.fromEntries(created.fields.map((f) => [f.name, f.id])) };
}

export async function createStandardObjects(db: Client, workspaceId: string): Promise<ObjectIndex> {
  const index: ObjectIndex = {};
  for (const [position, object] of STANDARD_OBJECTS.entries()) {
    index[object.nameSingular] = await createObject(db, workspaceId, object, position);
  }
  return index;
}

/**
 * Creates a role through the role store, as saving one in the editor does. `objects` is kept for
 * the callers' convenience; the store finds objects and fields by name in the workspace.
 */
export async function createRole(db: Client, workspaceId: string, _objects: ObjectIndex, seed: RoleSeed, kind: "role" | "set" = "role") {
  return writeRoleDefinition(db, workspaceId, { ...seedToRole(seed), kind });
}

export async function createMember(
  db: Client,
  input: { workspaceId: string; roleId: string; email: string; name: string; password?: string; passwordHash?: string; locale?: string },
) {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? "rolecall-demo"));
  const user = await db.user.upsert({
    where: { email: input.email },
    update: {},
    create: { email: input.email, name: input.name, passwordHash, locale: input.locale ?? null },
  });
  return db.workspaceMember.create({
    data: { workspaceId: input.workspaceId, userId: user.id, roleId: input.roleId },
    include: { user: true },
  });
}

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
