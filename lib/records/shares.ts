/**
 * Sharing one record with a member or a team (docs/reference.md §19): list, share, remove. The engine decides
 * who may share what (lib/permissions/sharing.ts); a share is then one more way the recipient's
 * grants reach the record (lib/permissions/record-rule.ts), read afresh on every request, so a
 * removed share stops working at the recipient's next request. Field rules still apply.
 */
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { recordPrincipalOf, type Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { checkShare, SHARE_ACCESS, type ShareAccess } from "@/lib/permissions";
import { resolveVisibleObject } from "./access";
import { objectForbidden } from "./errors";
import { requireRecordRow } from "./record-row";
import { recordLabel, toFullRecord } from "./serialize";

const id = z.string().min(1).max(100);
export const shareInput = z.strictObject({
  targetKind: z.enum(["member", "team"]),
  targetId: id,
  access: z.enum(SHARE_ACCESS),
});
export type ShareInput = z.infer<typeof shareInput>;
export const unshareInput = z.strictObject({ shareId: id });

export interface RecordShareView {
  id: string;
  targetKind: "member" | "team";
  targetId: string;
  targetName: string;
  access: ShareAccess;
  sharedBy: string | null;
  createdAt: string;
}

async function targetName(db: Tx, workspaceId: string, kind: "member" | "team", targetId: string): Promise<string | null> {
  if (kind === "team") return (await db.team.findFirst({ where: { id: targetId, workspaceId }, select: { name: true } }))?.name ?? null;
  return (await db.workspaceMember.findFirst({ where: { id: targetId, workspaceId }, select: { user: { select: { name: true } } } }))?.user.name ?? null;
}

/** The shares of a record the principal reaches, by creation; anyone who reaches the record sees them. */
export async function listRecordShares(db: Tx, principal: Principal, objectName: string, recordId: string): Promise<RecordShareView[]> {
  const object = await resolveVisibleObject(db, principal, objectName);
  const row = await requireRecordRow(db, principal, object, recordId);
  const shares = await db.recordShare.findMany({ where: { workspaceId: principal.workspaceId, recordId: row.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const memberIds = [...new Set(shares.flatMap((share) => [share.sharedById, share.targetKind === "member" ? share.targetId : null]).filter((value): value is string => value !== null))];
  const teamIds = shares.filter((share) => share.targetKind === "team").map((share) => share.targetId);
  const [members, teams] = await Promise.all([
    db.workspaceMember.findMany({ where: { workspaceId: principal.workspaceId, id: { in: memberIds } }, select: { id: true, user: { select: { name: true } } } }),
    db.team.findMany({ where: { workspaceId: principal.workspaceId, id: { in: teamIds } }, select: { id: true, name: true } }),
  ]);
  const names = new Map([...members.map((member) => [member.id, member.user.name] as const), ...teams.map((team) => [team.id, team.name] as const)]);
  return shares.map((share) => ({
    id: share.id,
    targetKind: share.targetKind as "member" | "team",
    targetId: share.targetId,
    targetName: names.get(share.targetId) ?? "",
    access: share.access as ShareAccess,
    sharedBy: share.sharedById ? (names.get(share.sharedById) ?? null) : null,
    createdAt: share.createdAt.toISOString(),
  }));
}

function assertMayShare(principal: Principal, object: Awaited<ReturnType<typeof resolveVisibleObject>>, row: Parameters<typeof toFullRecord>[1], access: ShareAccess) {
  const check = checkShare(principal.permissions, object.nameSingular, access, toFullRecord(object, row), recordPrincipalOf(principal));
  if (check.ok) return;
  if (check.code === "OBJECT_NOT_VISIBLE") throw objectForbidden(object.namePlural, "OBJECT_NOT_VISIBLE");
  throw new DomainError(check.code, { field: "access", params: { object: object.namePlural } });
}

/**
 * Shares the record (or changes an existing share's access), refused beyond what the sharer may
 * do. Sharing with oneself is refused: it would change nothing and confuse the list.
 */
export async function shareRecord(tx: Tx, principal: Principal, objectName: string, recordId: string, input: ShareInput): Promise<RecordShareView> {
  const object = await resolveVisibleObject(tx, principal, objectName);
  const row = await requireRecordRow(tx, principal, object, recordId, { forWrite: true });
  assertMayShare(principal, object, row, input.access);
  if (input.targetKind === "member" && principal.kind === "member" && input.targetId === principal.id) throw new DomainError("VALIDATION_FAILED", { field: "targetId" });
  const name = await targetName(tx, principal.workspaceId, input.targetKind, input.targetId);
  if (name === null) throw new DomainError("NOT_FOUND", { field: "targetId" });

  const existing = await tx.recordShare.findUnique({ where: { recordId_targetKind_targetId: { recordId: row.id, targetKind: input.targetKind, targetId: input.targetId } } });
  const sharedById = principal.kind === "member" ? principal.id : null;
  const share = existing
    ? await tx.recordShare.update({ where: { id: existing.id }, data: { access: input.access, sharedById } })
    : await tx.recordShare.create({ data: { workspaceId: principal.workspaceId, recordId: row.id, targetKind: input.targetKind, targetId: input.targetId, access: input.access, sharedById } });
  // About the record: the audit log shows it only to readers who reach the record (docs/reference.md §16).
  await writeAudit(tx, principal, {
    action: "record.shared",
    targetType: object.nameSingular,
    targetId: row.id,
    targetLabel: recordLabel(object, row),
    ...(existing ? { before: { share: { to: name, kind: existing.targetKind, access: existing.access } } } : {}),
    after: { share: { to: name, kind: input.targetKind, access: input.access } },
  });
  return { id: share.id, targetKind: input.targetKind, targetId: input.targetId, targetName: name, access: input.access, sharedBy: principal.kind === "member" ? principal.label : null, createdAt: share.createdAt.toISOString() };
}

/** Removes a share: whoever may share the record may remove its shares (the sharer among them). */
export async function unshareRecord(tx: Tx, principal: Principal, objectName: string, recordId: string, shareId: string): Promise<{ id: string }> {
  const object = await resolveVisibleObject(tx, principal, objectName);
  const row = await requireRecordRow(tx, principal, object, recordId, { forWrite: true });
  const share = await tx.recordShare.findFirst({ where: { id: shareId, recordId: row.id, workspaceId: principal.workspaceId } });
  if (!share) throw new DomainError("NOT_FOUND", { field: "shareId" });
  assertMayShare(principal, object, row, "view");
  await tx.recordShare.delete({ where: { id: share.id } });
  const name = await targetName(tx, principal.workspaceId, share.targetKind as "member" | "team", share.targetId);
  await writeAudit(tx, principal, {
    action: "record.unshared",
    targetType: object.nameSingular,
    targetId: row.id,
    targetLabel: recordLabel(object, row),
    before: { share: { to: name ?? share.targetId, kind: share.targetKind, access: share.access } },
  });
  return { id: share.id };
}
