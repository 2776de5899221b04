import type { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/prisma";
import { can, type EffectivePermissions } from "@/lib/permissions";
import { isAboutHiddenObject, maskAuditEntry } from "./reader";

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

/**
 * The workspace's audit entries as `reader` may see them (SPEC §12), newest first, one page at a
 * time. Entries targeting a hidden object are left out by the query itself, so pages stay full.
 */
export async function listAuditEntries(db: Tx, workspaceId: string, filter: AuditFilter, reader: EffectivePermissions) {
  const [actorType, actorId] = filter.actor?.split(":") ?? [];
  const objects = await db.objectMetadata.findMany({ where: { workspaceId }, select: { nameSingular: true, fields: { where: { type: "EMAIL" }, select: { name: true } } } });
  const objectNames = new Set(objects.map((object) => object.nameSingular));
  const emailFields = new Map(objects.map((object) => [object.nameSingular, object.fields.map((field) => field.name)]));
  const hiddenObjects = [...objectNames].filter((name) => !can(reader, "see", name));
  const where: Prisma.AuditLogWhereInput = {
    workspaceId,
    ...(hiddenObjects.length > 0 ? { targetType: { notIn: hiddenObjects } } : {}),
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
  const page = entries.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries: page.filter((entry) => !isAboutHiddenObject(entry, reader, objectNames)).map((entry) => maskAuditEntry(entry, reader, emailFields)),
    hasMore: entries.length > AUDIT_PAGE_SIZE,
    // The cursor of the next page is the last entry read, shown or not.
    lastId: page.at(-1)?.id ?? null,
  };
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
