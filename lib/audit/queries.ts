import type { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  roleId?: string;
  /** `<actorType>:<actorId>` as listed by `listAuditActors`. */
  actor?: string;
  /** Inclusive calendar days, `YYYY-MM-DD`, in UTC. */
  from?: string;
  to?: string;
  /** The id of the last entry of the previous page. */
  after?: string;
}

function dayStart(day: string) {
  return new Date(`${day}T00:00:00.000Z`);
}

function dayEnd(day: string) {
  return new Date(`${day}T23:59:59.999Z`);
}

/** The workspace's audit entries, newest first, one page at a time. */
export async function listAuditEntries(db: Tx, workspaceId: string, filter: AuditFilter) {
  const [actorType, actorId] = filter.actor?.split(":") ?? [];
  const where: Prisma.AuditLogWhereInput = {
    workspaceId,
    ...(filter.roleId ? { roleId: filter.roleId } : {}),
    ...(actorType && actorId ? { actorType, actorId } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: dayStart(filter.from) } : {}), ...(filter.to ? { lte: dayEnd(filter.to) } : {}) } }
      : {}),
  };
  const entries = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(filter.after ? { cursor: { id: filter.after }, skip: 1 } : {}),
  });
  return { entries: entries.slice(0, AUDIT_PAGE_SIZE), hasMore: entries.length > AUDIT_PAGE_SIZE };
}

/** Everyone who appears as an actor, for the actor filter. */
export async function listAuditActors(db: Tx, workspaceId: string) {
  const actors = await db.auditLog.findMany({
    where: { workspaceId, actorId: { not: null } },
    distinct: ["actorType", "actorId"],
    select: { actorType: true, actorId: true, actorLabel: true },
    orderBy: { actorLabel: "asc" },
  });
  return actors.map((actor) => ({ value: `${actor.actorType}:${actor.actorId}`, label: actor.actorLabel, kind: actor.actorType }));
}
