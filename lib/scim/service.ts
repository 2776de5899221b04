/**
 * SCIM 2.0 operations (RFC 7644) on members and groups, each through the use cases the UI uses:
 * inviteMember, removeMember, setMemberActive, and Group mappings' syncGroupGrants (assignRole,
 * assignPermissionSet …). The actor is the token's creator as they are now, so every refusal of
 * docs/reference.md §11 holds here too and answers 403 with the code that refused.
 */
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertAdmin, authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import { DomainError, isDomainError } from "@/lib/errors";
import { canSetting } from "@/lib/permissions";
import { inviteMember, temporaryCredentials } from "@/lib/members/invite";
import { inviteMemberInput, MEMBER_NAME_MAX_LENGTH } from "@/lib/members/input";
import { removeMember } from "@/lib/members/remove";
import { setMemberActive } from "@/lib/members/deactivate";
import { syncGroupGrants } from "@/lib/identity/group-grants";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { listResponse, pagination, parseEqFilter, scimBoolean, ScimError, toScimGroup, toScimUser, type ScimUserRow } from "./resources";

const userInclude = { user: { select: { email: true, name: true, updatedAt: true } }, scimGroups: { include: { group: { select: { id: true, displayName: true } } } } } as const;

function assertReads(actor: Principal) {
  if (!canSetting(actor.permissions, "MEMBERS")) throw new ScimError(403, "The token's creator does not hold the Members settings permission");
}

type MemberWithUser = { id: string; externalId: string | null; deactivatedAt: Date | null; createdAt: Date; user: { email: string; name: string; updatedAt: Date }; scimGroups: { group: { id: string; displayName: string } }[] };
const userRow = (member: MemberWithUser): ScimUserRow => ({ ...member, groups: member.scimGroups.map((link) => link.group) });

/** RFC 7644 §3.12: a domain refusal as a SCIM error. */
export function scimErrorOf(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  if (isDomainError(error)) {
    const code = error.code;
    if (code === "NOT_FOUND") return new ScimError(404, "Resource not found");
    if (code === "EMAIL_TAKEN" || code === "DUPLICATE_RULE") return new ScimError(409, "A resource with this name already exists", "uniqueness");
    if (code === "VALIDATION_FAILED") return new ScimError(400, `Invalid value${error.details.field ? ` for ${error.details.field}` : ""}`, "invalidValue");
    if (code === "UNAUTHENTICATED") return new ScimError(401, "Invalid or revoked token");
    if (code === "INTERNAL") return new ScimError(500, "Internal error");
    return new ScimError(403, `Refused: ${code}`);
  }
  return new ScimError(500, "Internal error");
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export async function listUsers(db: Db, actor: Principal, params: URLSearchParams, base: string) {
  assertReads(actor);
  const filter = parseEqFilter(params.get("filter"), ["userName", "externalId", "emails.value"]);
  const { startIndex, count } = pagination(params);
  const where = {
    workspaceId: actor.workspaceId,
    ...(filter?.attribute === "externalId" ? { externalId: filter.value } : {}),
    ...(filter && filter.attribute !== "externalId" ? { user: { email: filter.value.trim().toLowerCase() } } : {}),
  };
  const [total, members] = await Promise.all([
    db.workspaceMember.count({ where }),
    count === 0 ? Promise.resolve([]) : db.workspaceMember.findMany({ where, include: userInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: startIndex - 1, take: count }),
  ]);
  return listResponse(members.map((member) => toScimUser(userRow(member), base)), total, startIndex);
}

async function findUser(db: Tx, actor: Principal, id: string) {
  const member = await db.workspaceMember.findFirst({ where: { id, workspaceId: actor.workspaceId }, include: userInclude });
  if (!member) throw new ScimError(404, `User ${id} not found`);
  return member;
}

export async function getUser(db: Db, actor: Principal, id: string, base: string) {
  assertReads(actor);
  return toScimUser(userRow(await findUser(db, actor, id)), base);
}

const userBody = z.looseObject({
  userName: z.string().optional(),
  externalId: z.string().max(200).nullable().optional(),
  displayName: z.string().optional(),
  name: z.looseObject({ formatted: z.string().optional(), givenName: z.string().optional(), familyName: z.string().optional() }).optional(),
  emails: z.array(z.looseObject({ value: z.string(), primary: z.unknown().optional() })).optional(),
  active: z.unknown().optional(),
});
type UserBody = z.infer<typeof userBody>;

function parseUser(body: unknown): UserBody {
  const parsed = userBody.safeParse(body);
  if (!parsed.success) throw new ScimError(400, "Invalid User resource", "invalidSyntax");
  return parsed.data;
}

function displayNameOf(body: UserBody): string | undefined {
  const joined = [body.name?.givenName, body.name?.familyName].filter(Boolean).join(" ");
  return (body.displayName || body.name?.formatted || joined || undefined)?.trim().slice(0, MEMBER_NAME_MAX_LENGTH);
}

export async function createUser(db: Db, actor: Principal, body: unknown, base: string) {
  const user = parseUser(body);
  const email = user.userName ?? user.emails?.find((entry) => entry.primary === true)?.value ?? user.emails?.[0]?.value;
  if (!email) throw new ScimError(400, "userName is required", "invalidValue");
  const input = inviteMemberInput.safeParse({ name: displayNameOf(user) ?? email.split("@")[0], email });
  if (!input.success) throw new ScimError(400, "userName must be an e-mail address", "invalidValue");
  const active = user.active === undefined ? true : scimBoolean(user.active);
  // The password nobody is told: a provisioned person signs in through the identity provider.
  const credentials = await temporaryCredentials();
  const id = await db.$transaction(async (tx) => {
    const invited = await inviteMember(tx, actor, input.data, credentials);
    if (user.externalId) await tx.workspaceMember.update({ where: { id: invited.memberId }, data: { externalId: user.externalId } });
    if (!active) await setMemberActive(tx, actor, invited.memberId, false);
    return invited.memberId;
  });
  return toScimUser(userRow(await findUser(db, actor, id)), base);
}

interface UserChanges {
  name?: string;
  email?: string;
  externalId?: string | null;
  active?: boolean;
}

async function applyUserChanges(db: Db, actor: Principal, id: string, changes: UserChanges) {
  await db.$transaction(async (tx) => {
    await lockAdministration(tx, actor.workspaceId);
    const authority = await authorityFor(tx, actor, "MEMBERS");
    const member = await tx.workspaceMember.findFirst({ where: { id, workspaceId: actor.workspaceId }, include: { user: true, role: true } });
    if (!member) throw new ScimError(404, `User ${id} not found`);
    const profile: { name?: string; email?: string } = {};
    if (changes.name !== undefined && changes.name !== member.user.name) profile.name = changes.name;
    if (changes.email !== undefined && changes.email !== member.user.email) profile.email = changes.email;
    if (Object.keys(profile).length > 0 || (changes.externalId !== undefined && changes.externalId !== member.externalId)) {
      if (member.role.isAdmin) assertAdmin(authority);
      if (profile.email && (await tx.user.findUnique({ where: { email: profile.email }, select: { id: true } }))) throw new DomainError("EMAIL_TAKEN");
      if (Object.keys(profile).length > 0) await tx.user.update({ where: { id: member.userId }, data: profile });
      if (changes.externalId !== undefined) await tx.workspaceMember.update({ where: { id: member.id }, data: { externalId: changes.externalId } });
      await writeAudit(tx, actor, { action: "member.updated", targetType: "member", targetId: member.id, targetLabel: profile.name ?? member.user.name, roleId: member.roleId, before: { name: member.user.name, email: member.user.email }, after: { name: profile.name ?? member.user.name, email: profile.email ?? member.user.email } });
    }
    if (changes.active !== undefined) await setMemberActive(tx, actor, member.id, changes.active);
  });
}

function validName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > MEMBER_NAME_MAX_LENGTH) throw new ScimError(400, "Invalid name", "invalidValue");
  return trimmed;
}

function validEmail(email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const parsed = inviteMemberInput.shape.email.safeParse(email);
  if (!parsed.success) throw new ScimError(400, "userName must be an e-mail address", "invalidValue");
  return parsed.data;
}

/** PUT: the resource as given replaces the writable attributes (absent `active` means true, RFC 7643 defaults). */
export async function replaceUser(db: Db, actor: Principal, id: string, body: unknown, base: string) {
  const user = parseUser(body);
  await applyUserChanges(db, actor, id, {
    name: validName(displayNameOf(user)),
    email: validEmail(user.userName),
    externalId: user.externalId ?? null,
    active: user.active === undefined ? true : scimBoolean(user.active),
  });
  return getUser(db, actor, id, base);
}

const patchBody = z.looseObject({
  schemas: z.array(z.string()).optional(),
  Operations: z.array(z.looseObject({ op: z.string(), path: z.string().optional(), value: z.unknown().optional() })).min(1).max(100),
});

function parsePatch(body: unknown) {
  const parsed = patchBody.safeParse(body);
  if (!parsed.success) throw new ScimError(400, "Invalid PatchOp request", "invalidSyntax");
  return parsed.data.Operations.map((operation) => {
    const op = operation.op.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") throw new ScimError(400, `Unknown op ${operation.op}`, "invalidSyntax");
    return { op, path: operation.path?.trim(), value: operation.value };
  });
}

/** PATCH (RFC 7644 §3.5.2) on a user: active, displayName, name.formatted, userName, externalId. */
export async function patchUser(db: Db, actor: Principal, id: string, body: unknown, base: string) {
  const changes: UserChanges = {};
  const set = (path: string, value: unknown, op: string) => {
    switch (path.toLowerCase()) {
      case "active":
        if (op === "remove") throw new ScimError(400, "active cannot be removed", "mutability");
        changes.active = scimBoolean(value);
        return;
      case "displayname":
      case "name.formatted":
        changes.name = validName(typeof value === "string" ? value : undefined) ?? changes.name;
        return;
      case "name":
        changes.name = validName(displayNameOf({ name: value as UserBody["name"] })) ?? changes.name;
        return;
      case "username":
        changes.email = validEmail(typeof value === "string" ? value : undefined);
        return;
      case "externalid":
        changes.externalId = op === "remove" ? null : typeof value === "string" ? value : null;
        return;
      default:
        // Attributes Rolecall does not keep (title, phone numbers …) are accepted and ignored.
        return;
    }
  };
  for (const operation of parsePatch(body)) {
    if (operation.path) set(operation.path, operation.value, operation.op);
    else if (operation.value && typeof operation.value === "object" && !Array.isArray(operation.value)) {
      for (const [key, value] of Object.entries(operation.value)) set(key, value, operation.op);
    } else throw new ScimError(400, "A PATCH operation without a path needs an object value", "invalidValue");
  }
  await applyUserChanges(db, actor, id, changes);
  return getUser(db, actor, id, base);
}

export async function deleteUser(db: Db, actor: Principal, id: string) {
  await db.$transaction((tx) => removeMember(tx, actor, id));
}

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

const groupInclude = { members: { include: { member: { include: { user: { select: { name: true } } } } } } } as const;
type GroupWithMembers = { id: string; displayName: string; externalId: string | null; createdAt: Date; updatedAt: Date; members: { member: { id: string; user: { name: string } } }[] };
const groupRow = (group: GroupWithMembers) => ({ ...group, members: group.members.map((link) => ({ id: link.member.id, name: link.member.user.name })) });
const nameKey = (name: string) => name.trim().toLowerCase();

export async function listGroups(db: Db, actor: Principal, params: URLSearchParams, base: string) {
  assertReads(actor);
  const filter = parseEqFilter(params.get("filter"), ["displayName", "externalId"]);
  const { startIndex, count } = pagination(params);
  const where = {
    workspaceId: actor.workspaceId,
    ...(filter?.attribute === "displayName" ? { nameKey: nameKey(filter.value) } : {}),
    ...(filter?.attribute === "externalId" ? { externalId: filter.value } : {}),
  };
  const [total, groups] = await Promise.all([
    db.scimGroup.count({ where }),
    count === 0 ? Promise.resolve([]) : db.scimGroup.findMany({ where, include: groupInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: startIndex - 1, take: count }),
  ]);
  return listResponse(groups.map((group) => toScimGroup(groupRow(group), base)), total, startIndex);
}

async function findGroup(db: Tx, actor: Principal, id: string) {
  const group = await db.scimGroup.findFirst({ where: { id, workspaceId: actor.workspaceId }, include: groupInclude });
  if (!group) throw new ScimError(404, `Group ${id} not found`);
  return group;
}

export async function getGroup(db: Db, actor: Principal, id: string, base: string) {
  assertReads(actor);
  return toScimGroup(groupRow(await findGroup(db, actor, id)), base);
}

const groupBody = z.looseObject({
  displayName: z.string().trim().min(1).max(200),
  externalId: z.string().max(200).nullable().optional(),
  members: z.array(z.looseObject({ value: z.string().min(1).max(100) })).max(10_000).optional(),
});

/** Re-reads each member's groups and makes their mapped grants follow (docs/reference.md §20). */
async function syncMembers(tx: Tx, actor: Principal, memberIds: Iterable<string>) {
  for (const memberId of new Set(memberIds)) {
    const links = await tx.scimGroupMember.findMany({ where: { memberId }, include: { group: { select: { displayName: true } } } });
    await syncGroupGrants(tx, actor, memberId, links.map((link) => link.group.displayName));
  }
}

async function assertMembersExist(tx: Tx, actor: Principal, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await tx.workspaceMember.count({ where: { workspaceId: actor.workspaceId, id: { in: [...new Set(ids)] } } });
  if (found !== new Set(ids).size) throw new ScimError(400, "A member does not exist", "invalidValue");
}

async function writeGroup(tx: Tx, actor: Principal) {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "MEMBERS");
}

export async function createGroup(db: Db, actor: Principal, body: unknown, base: string) {
  const parsed = groupBody.safeParse(body);
  if (!parsed.success) throw new ScimError(400, "Invalid Group resource", "invalidValue");
  const { displayName, externalId, members = [] } = parsed.data;
  const id = await db.$transaction(async (tx) => {
    await writeGroup(tx, actor);
    if (await tx.scimGroup.findUnique({ where: { workspaceId_nameKey: { workspaceId: actor.workspaceId, nameKey: nameKey(displayName) } } })) throw new ScimError(409, `Group ${displayName} exists`, "uniqueness");
    const memberIds = members.map((member) => member.value);
    await assertMembersExist(tx, actor, memberIds);
    const group = await tx.scimGroup.create({ data: { workspaceId: actor.workspaceId, displayName, nameKey: nameKey(displayName), externalId: externalId ?? null } });
    if (memberIds.length > 0) await tx.scimGroupMember.createMany({ data: [...new Set(memberIds)].map((memberId) => ({ groupId: group.id, memberId })) });
    await syncMembers(tx, actor, memberIds);
    return group.id;
  });
  return getGroup(db, actor, id, base);
}

export async function replaceGroup(db: Db, actor: Principal, id: string, body: unknown, base: string) {
  const parsed = groupBody.safeParse(body);
  if (!parsed.success) throw new ScimError(400, "Invalid Group resource", "invalidValue");
  await changeGroup(db, actor, id, { displayName: parsed.data.displayName, externalId: parsed.data.externalId ?? null, members: { replace: (parsed.data.members ?? []).map((member) => member.value) } });
  return getGroup(db, actor, id, base);
}

interface GroupChanges {
  displayName?: string;
  externalId?: string | null;
  members?: { replace?: string[]; add?: string[]; remove?: string[] };
}

async function changeGroup(db: Db, actor: Principal, id: string, changes: GroupChanges) {
  await db.$transaction(async (tx) => {
    await writeGroup(tx, actor);
    const group = await findGroup(tx, actor, id);
    const before = new Set(group.members.map((link) => link.member.id));
    let after = new Set(before);
    if (changes.members?.replace) after = new Set(changes.members.replace);
    for (const memberId of changes.members?.add ?? []) after.add(memberId);
    for (const memberId of changes.members?.remove ?? []) after.delete(memberId);
    await assertMembersExist(tx, actor, [...after].filter((memberId) => !before.has(memberId)));
    const renamed = changes.displayName !== undefined && changes.displayName !== group.displayName;
    if (renamed && nameKey(changes.displayName!) !== group.nameKey && (await tx.scimGroup.findUnique({ where: { workspaceId_nameKey: { workspaceId: actor.workspaceId, nameKey: nameKey(changes.displayName!) } } }))) {
      throw new ScimError(409, `Group ${changes.displayName} exists`, "uniqueness");
    }
    await tx.scimGroup.update({
      where: { id: group.id },
      data: { ...(renamed ? { displayName: changes.displayName, nameKey: nameKey(changes.displayName!) } : {}), ...(changes.externalId !== undefined ? { externalId: changes.externalId } : {}) },
    });
    const added = [...after].filter((memberId) => !before.has(memberId));
    const removed = [...before].filter((memberId) => !after.has(memberId));
    if (added.length > 0) await tx.scimGroupMember.createMany({ data: added.map((memberId) => ({ groupId: group.id, memberId })) });
    if (removed.length > 0) await tx.scimGroupMember.deleteMany({ where: { groupId: group.id, memberId: { in: removed } } });
    // A rename changes what the mappings match for everyone in the group.
    await syncMembers(tx, actor, renamed ? [...before, ...after] : [...added, ...removed]);
  });
}

/** `members[value eq "id"]`: the filtered path Entra ID and Okta send to remove one member. */
function memberInPath(path: string): string | null {
  const match = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(path);
  return match ? match[1] : null;
}

function memberValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((entry) => {
    const id = typeof entry === "object" && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (typeof id !== "string" || id === "") throw new ScimError(400, "members need a value", "invalidValue");
    return id;
  });
}

/** PATCH on a group: add/remove/replace members (also by filtered path), replace displayName. */
export async function patchGroup(db: Db, actor: Principal, id: string, body: unknown, base: string) {
  const changes: GroupChanges & { members: { add: string[]; remove: string[]; replace?: string[] } } = { members: { add: [], remove: [] } };
  for (const operation of parsePatch(body)) {
    const path = operation.path;
    const filtered = path ? memberInPath(path) : null;
    if (filtered) {
      if (operation.op !== "remove") throw new ScimError(400, "Only remove takes a filtered members path", "invalidPath");
      changes.members.remove.push(filtered);
    } else if (path?.toLowerCase() === "members") {
      if (operation.op === "add") changes.members.add.push(...memberValues(operation.value));
      else if (operation.op === "remove") {
        if (operation.value === undefined) changes.members.replace = [];
        else changes.members.remove.push(...memberValues(operation.value));
      } else changes.members.replace = memberValues(operation.value);
    } else if (path?.toLowerCase() === "displayname" || (!path && typeof operation.value === "object" && operation.value !== null)) {
      const value = path ? operation.value : (operation.value as Record<string, unknown>).displayName;
      if (!path) {
        const object = operation.value as Record<string, unknown>;
        if (object.members !== undefined) changes.members.add.push(...memberValues(object.members));
        if (object.externalId !== undefined) changes.externalId = typeof object.externalId === "string" ? object.externalId : null;
        if (value === undefined) continue;
      }
      if (typeof value !== "string" || value.trim() === "" || value.length > 200) throw new ScimError(400, "Invalid displayName", "invalidValue");
      changes.displayName = value.trim();
    } else if (path?.toLowerCase() === "externalid") {
      changes.externalId = operation.op === "remove" ? null : typeof operation.value === "string" ? operation.value : null;
    } else throw new ScimError(400, `Unsupported path ${path ?? ""}`, "invalidPath");
  }
  await changeGroup(db, actor, id, changes);
  return getGroup(db, actor, id, base);
}

export async function deleteGroup(db: Db, actor: Principal, id: string) {
  await db.$transaction(async (tx) => {
    await writeGroup(tx, actor);
    const group = await findGroup(tx, actor, id);
    await tx.scimGroup.delete({ where: { id: group.id } });
    await syncMembers(tx, actor, group.members.map((link) => link.member.id));
  });
}
