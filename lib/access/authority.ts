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
  grantsBeyond,
  resolvePermissions,
  type BoundMe,
  type EffectivePermissions,
  type ExceedingPermission,
  type ObjectRule,
  type RoleDefinition,
  type SettingsPermission,
} from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import type { Principal } from "./principal";
import { loadRolePermissions } from "./role-permissions";
import { loadPrincipalPermissions } from "./grants";
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
  const now = new Date();
  const roleId = roleHeldAt("member", member, await defaultRoleId(tx, actor.workspaceId), now)!;
  // With the sets held now too (SPEC §17): an actor's authority is everything they hold.
  return loadPrincipalPermissions(tx, actor.workspaceId, "member", actor.id, roleId, now);
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

/** The acting member, whose `Me` bounds record-level rules (SPEC §16); keys and agents have none. */
export function actorMemberId(actor: Pick<Principal, "kind" | "id">): string | null {
  return actor.kind === "member" ? actor.id : null;
}

/** Refuses when the role grants anything the actor lacks, naming the first such permission. */
export async function assertWithinAuthority(
  tx: Tx,
  actor: Principal,
  authority: EffectivePermissions,
  role: EffectivePermissions,
  { field, objectRules = [], boundMe = { memberId: actorMemberId(actor) } }: { field?: string; objectRules?: readonly ObjectRule[]; boundMe?: BoundMe } = {},
): Promise<void> {
  if (authority.isAdmin) return;
  const [first] = grantsBeyond(role, authority, boundMe);
  if (!first) return;
  if (first.kind === "admin") throw new DomainError("ADMIN_ONLY", { field });
  throw new DomainError("EXCEEDS_AUTHORITY", { field: field ?? permissionLocator(first, objectRules), params: await describe(tx, actor.workspaceId, first) });
}

export async function assertDefinitionWithinAuthority(tx: Tx, actor: Principal, authority: EffectivePermissions, definition: RoleDefinition): Promise<void> {
  if (authority.isAdmin) return;
  const permissions = resolvePermissions(definition, await loadWorkspaceSchema(tx, actor.workspaceId));
  await assertWithinAuthority(tx, actor, authority, permissions, { objectRules: definition.objectRules });
}

/** A stored role (or the default role when `roleId` is null, as for a key without a role). */
export async function assertRoleIdWithinAuthority(tx: Tx, actor: Principal, authority: EffectivePermissions, roleId: string | null, field?: string): Promise<void> {
  if (authority.isAdmin) return;
  const id = roleId ?? (await defaultRoleId(tx, actor.workspaceId));
  await assertWithinAuthority(tx, actor, authority, await loadRolePermissions(tx, actor.workspaceId, id), { field });
}

/**
 * Every role a principal would hold over time (SPEC §16): the role it gets and, when that
 * assignment ends (`until`), the one it falls back to (the default role; for a key or agent no
 * role, which acts as the default role). Each must be within the actor's authority.
 */
export async function assertTimelineWithinAuthority(tx: Tx, actor: Principal, authority: EffectivePermissions, roleId: string | null, until: Date | null, field?: string): Promise<void> {
  await assertRoleIdWithinAuthority(tx, actor, authority, roleId, field);
  if (until !== null) await assertRoleIdWithinAuthority(tx, actor, authority, null, field ?? "until");
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
export async function rolesWithinAuthority(tx: Tx, actor: Principal): Promise<string[]> {
  const { workspaceId, permissions: authority } = actor;
  const roles = await tx.role.findMany({ where: { workspaceId }, select: { id: true } });
  const within: string[] = [];
  for (const { id } of roles) {
    if (authority.isAdmin || exceedingPermissions(await loadRolePermissions(tx, workspaceId, id), authority, actorMemberId(actor)).length === 0) within.push(id);
  }
  return within;
}
