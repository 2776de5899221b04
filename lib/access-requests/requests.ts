/**
 * Access requests (docs/reference.md §18): a principal asks for the smallest grant that allows what it was
 * refused, with a reason and a period; someone who may grant it (the `Roles` permission and the
 * grant within their authority, docs/reference.md §11) approves it — a permission set holding exactly that
 * grant, assigned `Until` the end of the period, in one transaction under the administration lock —
 * or denies it with a reason. Nobody decides their own request; an agent's goes to its sponsor.
 * Every request and decision is audited, the requester is told through the outbox, and the end is
 * the set's own expiry (lib/roles/expiry.ts records it). Every refusal changes nothing.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { agentPrincipal, apiKeyPrincipalById, memberPrincipal, type Principal } from "@/lib/access/principal";
import { actorMemberId, authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import {
  diffPermissions,
  exceedingPermissions,
  grantItemKey,
  resolvePermissions,
  smallestGrant,
  withGrant,
  type EffectivePermissions,
  type ExceedingPermission,
  type GrantItem,
  type PrincipalKind,
  type RefusedCheck,
  type RoleDefinition,
} from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { findRecordObject } from "@/lib/records";
import { createRole } from "@/lib/roles/save";
import { assignPermissionSet } from "@/lib/permission-sets/assignment";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { parseOrThrow } from "@/lib/validation";
import { accessRequestInputSchema, PERIODS, type PermissionInput } from "./input";
import { englishPermissionName } from "./names";

export type AccessRequestStatus = "open" | "approved" | "denied";

export interface AccessRequestView {
  id: string;
  requester: { kind: PrincipalKind; id: string; label: string };
  permission: GrantItem;
  reason: string;
  /** Seconds from approval, or null when the request names an instant (`until`). */
  periodSeconds: number | null;
  until: string | null;
  status: AccessRequestStatus;
  createdAt: string;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
}

type Row = Awaited<ReturnType<Tx["accessRequest"]["findFirstOrThrow"]>>;

export function toView(row: Row): AccessRequestView {
  return {
    id: row.id,
    requester: { kind: row.requesterKind as PrincipalKind, id: row.requesterId, label: row.requesterLabel },
    permission: JSON.parse(row.permission) as GrantItem,
    reason: row.reason,
    periodSeconds: row.periodSeconds,
    until: row.until?.toISOString() ?? null,
    status: row.status as AccessRequestStatus,
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedByLabel,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** The check a requested permission stands for; objects by REST or engine name, unknown ones not found. */
async function toCheck(tx: Tx, workspaceId: string, permission: PermissionInput): Promise<RefusedCheck> {
  if (permission.kind === "setting" || permission.kind === "action") return permission;
  const object = await findRecordObject(tx, workspaceId, permission.object);
  if (!object) throw new DomainError("NOT_FOUND", { field: "permission.object" });
  if (permission.field !== undefined && !object.fieldsByName.has(permission.field)) throw new DomainError("UNKNOWN_FIELD", { field: "permission.field", params: { object: object.namePlural, field: permission.field.slice(0, 100) } });
  return { kind: "object", action: permission.action, object: object.nameSingular, ...(permission.field === undefined ? {} : { field: permission.field }) };
}

/**
 * Asks for the smallest grant that allows `permission`. A second request for the same grant while
 * one is open answers with the open one (`existing: true`), changing nothing.
 */
export async function requestAccess(tx: Tx, principal: Principal, raw: unknown, now = new Date()): Promise<{ request: AccessRequestView; existing: boolean }> {
  const input = parseOrThrow(accessRequestInputSchema, raw);
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: principal.workspaceId }, select: { accessRequestMaxHours: true } });
  let periodSeconds: number | null = null;
  let until: Date | null = null;
  if (input.for in PERIODS) {
    periodSeconds = PERIODS[input.for as keyof typeof PERIODS];
  } else {
    until = new Date(input.for);
    if (until.getTime() <= now.getTime()) throw new DomainError("VALIDATION_FAILED", { field: "for", params: { reason: "INVALID_VALUE" } });
  }
  const seconds = periodSeconds ?? Math.ceil((until!.getTime() - now.getTime()) / 1000);
  if (seconds > workspace.accessRequestMaxHours * 3_600) throw new DomainError("ACCESS_PERIOD_TOO_LONG", { field: "for", params: { hours: workspace.accessRequestMaxHours } });

  const grant = smallestGrant(principal.permissions, await toCheck(tx, principal.workspaceId, input.permission));
  if (!grant) throw new DomainError("ACCESS_ALREADY_GRANTED", { field: "permission" });
  const openKey = `${principal.kind}:${principal.id}:${grantItemKey(grant.item)}`;
  const open = await tx.accessRequest.findUnique({ where: { openKey } });
  if (open) return { request: toView(open), existing: true };

  const sponsorMemberId = principal.kind === "agent" ? ((await tx.agent.findFirst({ where: { id: principal.id, workspaceId: principal.workspaceId }, select: { sponsorMemberId: true } }))?.sponsorMemberId ?? null) : null;
  const row = await tx.accessRequest.create({
    data: {
      workspaceId: principal.workspaceId,
      requesterKind: principal.kind,
      requesterId: principal.id,
      requesterLabel: principal.label,
      sponsorMemberId,
      permission: JSON.stringify(grant.item),
      definition: JSON.stringify(grant.definition),
      reason: input.reason,
      periodSeconds,
      until,
      openKey,
      createdAt: now,
    },
  });
  await writeAudit(tx, principal, {
    action: "accessRequest.created",
    targetType: "accessRequest",
    targetId: row.id,
    targetLabel: await englishPermissionName(tx, principal.workspaceId, grant.item),
    after: { permission: grant.item, reason: input.reason, for: input.for },
  });
  return { request: toView(row), existing: false };
}

/** The requester as it acts now (its role and sets), or null when it is gone. */
async function requesterPrincipal(tx: Tx, row: Pick<Row, "requesterKind" | "requesterId" | "workspaceId">, now: Date): Promise<Principal | null> {
  const found =
    row.requesterKind === "member"
      ? await memberPrincipal(tx, row.requesterId, now)
      : row.requesterKind === "agent"
        ? await agentPrincipal(tx, row.requesterId, now)
        : await apiKeyPrincipalById(tx, row.workspaceId, row.requesterId, now);
  return found && found.workspaceId === row.workspaceId ? found : null;
}

/** May `actor` (with `authority`) decide this request? Never their own; an agent's goes to its sponsor (or an Admin). */
function mayDecide(row: Row, actor: Principal, authority: EffectivePermissions, definition: EffectivePermissions): boolean {
  if (row.requesterKind === actor.kind && row.requesterId === actor.id) return false;
  if (row.sponsorMemberId && !authority.isAdmin && !(actor.kind === "member" && actor.id === row.sponsorMemberId)) return false;
  return exceedingPermissions(definition, authority, actorMemberId(actor)).length === 0;
}

export interface ApprovableRequest extends AccessRequestView {
  /** What the requester would gain (docs/reference.md §14's diff), named like every permission. */
  gains: ExceedingPermission[];
}

/** The open requests `actor` may approve, oldest first, each with its impact. Empty without `Roles`. */
export async function listApprovableRequests(tx: Tx, actor: Principal, now = new Date()): Promise<ApprovableRequest[]> {
  let authority: EffectivePermissions;
  try {
    authority = await authorityFor(tx, actor, "ROLES");
  } catch {
    return [];
  }
  const schema = await loadWorkspaceSchema(tx, actor.workspaceId);
  const rows = await tx.accessRequest.findMany({ where: { workspaceId: actor.workspaceId, status: "open" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 200 });
  const approvable: ApprovableRequest[] = [];
  for (const row of rows) {
    const definition = JSON.parse(row.definition) as RoleDefinition;
    if (!mayDecide(row, actor, authority, resolvePermissions(definition, schema))) continue;
    const requester = await requesterPrincipal(tx, row, now);
    if (!requester) continue;
    const gains = diffPermissions(requester.permissions, withGrant(requester.permissions, definition, schema)).gains;
    approvable.push({ ...toView(row), gains: [...gains] });
  }
  return approvable;
}

/** The principal's own requests, newest first (what `My role` shows). */
export async function listOwnRequests(tx: Tx, principal: Pick<Principal, "kind" | "id" | "workspaceId">, take = 20): Promise<AccessRequestView[]> {
  const rows = await tx.accessRequest.findMany({ where: { workspaceId: principal.workspaceId, requesterKind: principal.kind, requesterId: principal.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return rows.map(toView);
}

/** The open request, checked for the actor: NOT_FOUND outside their workspace, refused when not theirs to decide. */
async function openRequestFor(tx: Tx, actor: Principal, requestId: string) {
  await lockAdministration(tx, actor.workspaceId);
  const row = await tx.accessRequest.findFirst({ where: { id: requestId, workspaceId: actor.workspaceId } });
  if (!row) throw new DomainError("NOT_FOUND");
  if (row.status !== "open") throw new DomainError("REQUEST_NOT_OPEN");
  if (row.requesterKind === actor.kind && row.requesterId === actor.id) throw new DomainError("OWN_REQUEST");
  const authority = await authorityFor(tx, actor, "ROLES");
  const definition = JSON.parse(row.definition) as RoleDefinition;
  const schema = await loadWorkspaceSchema(tx, actor.workspaceId);
  if (!mayDecide(row, actor, authority, resolvePermissions(definition, schema))) {
    const [first] = exceedingPermissions(resolvePermissions(definition, schema), authority, actorMemberId(actor));
    throw first ? new DomainError("EXCEEDS_AUTHORITY") : new DomainError("FORBIDDEN");
  }
  return { row, definition };
}

/** Tells a member requester the outcome through the outbox (docs/reference.md §18: by e-mail once SMTP exists). */
async function notifyRequester(tx: Tx, actor: Principal, row: Row, subject: string, body: string) {
  if (row.requesterKind !== "member") return;
  const member = await tx.workspaceMember.findFirst({ where: { id: row.requesterId, workspaceId: row.workspaceId }, select: { user: { select: { email: true } } } });
  if (!member) return;
  await tx.outboxMessage.create({ data: { workspaceId: row.workspaceId, to: member.user.email, subject, body, actorLabel: actor.label } });
}

/**
 * Approves: a permission set holding exactly the grant, assigned to the requester `Until` the end
 * of the period (from now, or the instant asked for). The set's creation and assignment run the
 * same checks as any other (authority, validity, not one's own), in this one transaction.
 */
export async function approveAccessRequest(tx: Tx, actor: Principal, requestId: string, now = new Date()): Promise<AccessRequestView> {
  const { row, definition } = await openRequestFor(tx, actor, requestId);
  const end = row.until ?? new Date(now.getTime() + (row.periodSeconds ?? 0) * 1000);
  if (end.getTime() <= now.getTime()) throw new DomainError("VALIDATION_FAILED", { field: "until", params: { reason: "INVALID_VALUE" } });
  const item = JSON.parse(row.permission) as GrantItem;
  const label = await englishPermissionName(tx, actor.workspaceId, item);
  const { isAdmin: _isAdmin, ...content } = definition;
  const set = await createRole(
    tx,
    actor,
    { ...content, name: `${label} for ${row.requesterLabel}`.slice(0, 88) + ` #${row.id.slice(-6)}`, description: row.reason.slice(0, 500), icon: "key" } as Parameters<typeof createRole>[2],
    "created",
    [],
    "set",
  );
  await assignPermissionSet(tx, actor, set.id, { kind: row.requesterKind as PrincipalKind, id: row.requesterId }, end, now);
  const updated = await tx.accessRequest.update({
    where: { id: row.id },
    data: { status: "approved", openKey: null, decidedById: actor.id, decidedByLabel: actor.label, decidedAt: now, setId: set.id, expiresAt: end },
  });
  await writeAudit(tx, actor, {
    action: "accessRequest.approved",
    targetType: row.requesterKind,
    targetId: row.requesterId,
    targetLabel: row.requesterLabel,
    roleId: set.id,
    before: { permission: item, reason: row.reason },
    after: { permission: item, until: end.toISOString() },
  });
  await notifyRequester(tx, actor, row, `Access request approved: ${label}`, `${actor.label} approved your request for ${label}, until ${end.toISOString()}.`);
  return toView(updated);
}

/** Denies with a reason; nothing but the request changes. */
export async function denyAccessRequest(tx: Tx, actor: Principal, requestId: string, reason: string, now = new Date()): Promise<AccessRequestView> {
  const trimmed = reason.trim();
  if (trimmed.length === 0) throw new DomainError("VALIDATION_FAILED", { field: "reason", params: { reason: "REQUIRED" } });
  const { row } = await openRequestFor(tx, actor, requestId);
  const item = JSON.parse(row.permission) as GrantItem;
  const label = await englishPermissionName(tx, actor.workspaceId, item);
  const updated = await tx.accessRequest.update({
    where: { id: row.id },
    data: { status: "denied", openKey: null, decidedById: actor.id, decidedByLabel: actor.label, decidedAt: now, decisionReason: trimmed.slice(0, 1000) },
  });
  await writeAudit(tx, actor, {
    action: "accessRequest.denied",
    targetType: row.requesterKind,
    targetId: row.requesterId,
    targetLabel: row.requesterLabel,
    before: { permission: item, reason: row.reason },
    after: { permission: item, denied: trimmed.slice(0, 1000) },
  });
  await notifyRequester(tx, actor, row, `Access request denied: ${label}`, `${actor.label} denied your request for ${label}: ${trimmed.slice(0, 1000)}`);
  return toView(updated);
}

/** Settings → Security (docs/reference.md §18): the longest period a request may ask for; needs `Security`. */
export async function setAccessRequestMaxHours(tx: Tx, actor: Principal, hours: number): Promise<void> {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "SECURITY");
  const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { name: true, accessRequestMaxHours: true } });
  if (before.accessRequestMaxHours === hours) return;
  await tx.workspace.update({ where: { id: actor.workspaceId }, data: { accessRequestMaxHours: hours } });
  await writeAudit(tx, actor, { action: "workspace.updated", targetType: "workspace", targetId: actor.workspaceId, targetLabel: before.name, before: { accessRequestMaxHours: before.accessRequestMaxHours }, after: { accessRequestMaxHours: hours } });
}
