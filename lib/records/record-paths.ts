/**
 * The paths by which a principal reaches one record (docs/reference.md §19), for `me/check?recordId=` and the
 * record page: the engine names them (lib/permissions/record-path.ts); this module loads the
 * record (NOT_FOUND when it is not reached at all: nothing is said about records one cannot
 * reach) and the shares of it that reach the principal, with who shared them.
 */
import type { Tx } from "@/lib/db/prisma";
import { recordPrincipalOf, type Principal } from "@/lib/access/principal";
import { recordPaths, type ObjectAction, type RecordPath, type ShareOfRecord } from "@/lib/permissions";
import { resolveVisibleObject } from "./access";
import { requireRecordRow } from "./record-row";
import { toFullRecord } from "./serialize";

async function sharesReaching(db: Tx, principal: Principal, recordId: string): Promise<ShareOfRecord[]> {
  if (principal.kind !== "member") return [];
  const teams = principal.org?.teams ?? [];
  const rows = await db.recordShare.findMany({
    where: {
      workspaceId: principal.workspaceId,
      recordId,
      OR: [{ targetKind: "member", targetId: principal.id }, ...(teams.length > 0 ? [{ targetKind: "team", targetId: { in: teams.map((team) => team.id) } }] : [])],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const sharers = await db.workspaceMember.findMany({
    where: { workspaceId: principal.workspaceId, id: { in: rows.map((row) => row.sharedById).filter((id): id is string => id !== null) } },
    select: { id: true, user: { select: { name: true } } },
  });
  const names = new Map(sharers.map((member) => [member.id, member.user.name]));
  return rows.map((row) => ({
    sharedBy: row.sharedById ? (names.get(row.sharedById) ?? null) : null,
    access: row.access === "edit" ? "edit" : "view",
    ...(row.targetKind === "team" ? { team: teams.find((team) => team.id === row.targetId)?.name ?? "" } : {}),
  }));
}

export async function recordReachPaths(db: Tx, principal: Principal, objectName: string, recordId: string, action: ObjectAction = "see"): Promise<RecordPath[]> {
  const object = await resolveVisibleObject(db, principal, objectName);
  const row = await requireRecordRow(db, principal, object, recordId);
  const shares = await sharesReaching(db, principal, row.id);
  const labels = new Map(object.fields.map((field) => [field.name, field.label]));
  return recordPaths(principal.permissions, object.nameSingular, toFullRecord(object, row), recordPrincipalOf(principal), { action, shares, fieldLabel: (name) => labels.get(name) ?? name });
}
