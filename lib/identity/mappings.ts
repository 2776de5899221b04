/**
 * The use cases of `Group mappings` (docs/reference.md §20) in Settings → Security: add and delete a mapping.
 * A mapping gives its grant to whoever the provider puts in the group, so adding one is giving
 * that grant: it needs the `Security` settings permission and the grant within the actor's
 * authority (docs/reference.md §11); the Admin role is mapped only by an Admin.
 */
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertAdmin, assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import { DomainError } from "@/lib/errors";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export const groupMappingInput = z.object({ group: z.string().trim().min(1).max(200), grantId: z.string().min(1).max(100) });
export type GroupMappingInput = z.infer<typeof groupMappingInput>;

export async function addGroupMapping(tx: Tx, actor: Principal, input: GroupMappingInput): Promise<{ id: string }> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "SECURITY");
  const grant = await tx.role.findFirst({ where: { id: input.grantId, workspaceId: actor.workspaceId } });
  if (!grant) throw new DomainError("NOT_FOUND", { field: "grantId" });
  if (grant.isAdmin) assertAdmin(authority);
  await assertRoleIdWithinAuthority(tx, actor, authority, grant.id, "grantId");
  if (await tx.groupMapping.findFirst({ where: { workspaceId: actor.workspaceId, group: input.group, grantId: grant.id } })) throw new DomainError("DUPLICATE_RULE", { field: "group" });
  const mapping = await tx.groupMapping.create({ data: { workspaceId: actor.workspaceId, group: input.group, grantId: grant.id } });
  await writeAudit(tx, actor, { action: "groupMapping.created", targetType: grant.kind === "set" ? "permissionSet" : "role", targetId: grant.id, roleId: grant.id, targetLabel: grant.name, after: { group: input.group, grant: grant.name } });
  return { id: mapping.id };
}

export async function deleteGroupMapping(tx: Tx, actor: Principal, mappingId: string): Promise<void> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "SECURITY");
  const mapping = await tx.groupMapping.findFirst({ where: { id: mappingId, workspaceId: actor.workspaceId }, include: { grant: true } });
  if (!mapping) throw new DomainError("NOT_FOUND");
  if (mapping.grant.isAdmin) assertAdmin(authority);
  await tx.groupMapping.delete({ where: { id: mapping.id } });
  await writeAudit(tx, actor, { action: "groupMapping.deleted", targetType: mapping.grant.kind === "set" ? "permissionSet" : "role", targetId: mapping.grantId, roleId: mapping.grantId, targetLabel: mapping.grant.name, before: { group: mapping.group, grant: mapping.grant.name } });
}

export async function listGroupMappings(db: Tx, workspaceId: string) {
  const rows = await db.groupMapping.findMany({ where: { workspaceId }, include: { grant: { select: { id: true, name: true, kind: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ id: row.id, group: row.group, grantId: row.grantId, grantName: row.grant.name, grantKind: row.grant.kind === "set" ? ("set" as const) : ("role" as const) }));
}
