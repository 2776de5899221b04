/**
 * The use-case side of delegated administration (SPEC §11): the engine's `exceedingPermissions`
 * applied to what is in the database, inside the caller's transaction. Every door that creates
 * or changes a role, an assignment, the default role, an invitation or an API key calls these
 * before it writes, so a refusal changes nothing.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import {
  canSetting,
  exceedingPermissions,
  resolvePermissions,
  type EffectivePermissions,
  type ExceedingPermission,
  type ObjectRule,
  type RoleDefinition,
  type SettingsPermission,
} from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import type { Principal } from "./principal";
import { loadRolePermissions } from "./role-permissions";
import { roleHeldAt } from "@/lib/roles/expiry";
import { permissionLocator } from "@/lib/roles/permission-locator";

/**
 * The actor's authority at this moment: re-read inside the transaction, so an actor demoted a
 * moment ago by someone else acts with what they hold now, not what their request started with.
 */
export async function currentAuthority(tx: Tx, actor: Principal): Promise<EffectivePermissions> {
  if (actor.kind !== "member") return actor.permissions;
  const member = await tx.workspaceMember.findFirst({ where: { id: actor.id, workspaceId: actor.workspaceId }, select: { roleId: true, roleExpiresAt: true } });
  if (!member) throw new DomainError("UNAUTHENTICATED");
  const roleId = roleHeldAt("member", member, await defaultRoleId(tx, actor.workspaceId), new Date())!;
  return roleId === actor.roleId ? actor.permissions : loadRolePermissions(tx, actor.workspaceId, roleId);
}

/**
 * The door of every settings use case: the actor's current authority, which must hold the
 * settings permission of the use case. Channels check it too (to answer early), but the use
 * case does not trust them: a new channel cannot forget it.
 */
export async function authorityFor(tx: Tx, actor: Principal, setting: SettingsPermission): Promise<EffectivePermissions> {
  const authority = await currentAuthority(tx, actor);
  if (!canSetting(authority, setting)) throw new DomainError("FORBIDDEN");
  return authority;
}

/** Only Admins touch the Admin role, Admin holders and Admin members (SPEC §11). */
export function assertAdmin(authority: EffectivePermissions): void {
  if (!authority.isAdmin) throw new DomainError("ADMIN_ONLY");
}

/** Refuses when the role grants anything the actor lacks, naming the first such permission. */
export async function assertWithinAuthority(
  tx: Tx,
  workspaceId: string,
  authority: EffectivePermissions,
  role: EffectivePermissions,
  field?: string,
  objectRules: readonly ObjectRule[] = [],
): Promise<void> {
  const [first] = exceedingPermissions(role, authority);
  if (!first) return;
  if (first.kind === "admin") throw new DomainError("ADMIN_ONLY", { field });
  throw new DomainError("EXCEEDS_AUTHORITY", { field: field ?? permissionLocator(first, objectRules), params: await describe(tx, workspaceId, first) });
}

export async function assertDefinitionWithinAuthority(tx: Tx, workspaceId: string, authority: EffectivePermissions, definition: RoleDefinition): Promise<void> {
  if (authority.isAdmin) return;
  const permissions = resolvePermissions(definition, await loadWorkspaceSchema(tx, workspaceId));
  await assertWithinAuthority(tx, workspaceId, authority, permissions, undefined, definition.objectRules);
}

/** A stored role (or the default role when `roleId` is null, as for a key without a role). */
export async function assertRoleIdWithinAuthority(tx: Tx, workspaceId: string, authority: EffectivePermissions, roleId: string | null, field?: string): Promise<void> {
  if (authority.isAdmin) return;
  const id = roleId ?? (await defaultRoleId(tx, workspaceId));
  await assertWithinAuthority(tx, workspaceId, authority, await loadRolePermissions(tx, workspaceId, id), field);
}

export async function defaultRoleId(tx: Tx, workspaceId: string): Promise<string> {
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultRoleId: true } });
  if (!workspace.defaultRoleId) throw new DomainError("NOT_FOUND");
  return workspace.defaultRoleId;
}

/** Message parameters with the workspace's labels (the catalog turns them into a sentence). */
async function describe(tx: Tx, workspaceId: string, item: Exclude<ExceedingPermission, { kind: "admin" }>): Promise<Record<string, string>> {
  const params = { kind: item.kind, action: "", object: "", field: "", key: "" };
  if (item.kind === "setting" || item.kind === "action") return { ...params, key: item.key };
  const object = await tx.objectMetadata.findFirst({
    where: { workspaceId, nameSingular: item.object },
    select: { labelPlural: true, fields: { where: { name: item.kind === "field" ? item.field : "" }, select: { label: true } } },
  });
  const fieldLabel = item.kind === "field" ? (object?.fields[0]?.label ?? item.field) : "";
  return { ...params, action: item.action, object: object?.labelPlural ?? item.object, field: fieldLabel };
}

/**
 * The ids of the roles the actor could hand out: what the interface offers, disables or
 * explains before the server is asked (the server decides again on every request).
 */
export async function rolesWithinAuthority(tx: Tx, workspaceId: string, authority: EffectivePermissions): Promise<string[]> {
  const roles = await tx.role.findMany({ where: { workspaceId }, select: { id: true } });
  const within: string[] = [];
  for (const { id } of roles) {
    if (authority.isAdmin || exceedingPermissions(await loadRolePermissions(tx, workspaceId, id), authority).length === 0) within.push(id);
  }
  return within;
}
