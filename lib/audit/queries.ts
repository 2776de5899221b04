import type { AuditLog, Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/prisma";
import { can } from "@/lib/permissions";
import { listRecordObjects } from "@/lib/records/objects";
import type { Reader } from "@/lib/sight/reader";
import { isAboutHiddenObject, maskAuditEntry, reachableRecordsOf, recordOf } from "./reader";

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

/** How many entries one page reads at most while it fills up with entries the reader may see. */
const MAX_SCANNED = AUDIT_PAGE_SIZE * 20;

/**
 * The workspace's audit entries as `reader` may see them (SPEC §12, §16), newest first, one page
 * at a time. Entries targeting a hidden object are left out by the query itself; entries about
 * records outside the reader's record-level rule are left out as they are read, and reading goes
 * on (bounded) until the page is full.
 */
export async function listAuditEntries(db: Tx, reader: Reader, filter: AuditFilter) {
  const { workspaceId } = reader;
  const [actorType, actorId] = filter.actor?.split(":") ?? [];
  const objects = await listRecordObjects(db, workspaceId);
  const byName = new Map(objects.map((object) => [object.nameSingular, object]));
  const objectNames = new Set(byName.keys());
  const emailFields = new Map(objects.map((object) => [object.nameSingular, object.fields.filter((field) => field.type === "EMAIL").map((field) => field.name)]));
  const hiddenObjects = [...objectNames].filter((name) => !can(reader.permissions, "see", name));
  const where: Prisma.AuditLogWhereInput = {
    workspaceId,
    ...(hiddenObjects.length > 0 ? { targetType: { notIn: hiddenObjects } } : {}),
    ...(filter.roleId ? { roleId: filter.roleId } : {}),
    ...(actorType && actorId ? { actorType, actorId } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: dayStart(filter.from) } : {}), ...(filter.to ? { lte: dayEnd(filter.to) } : {}) } }
      : {}),
  };
  const shown: AuditLog[] = [];
  let after = filter.after ?? null;
  let lastId: string | null = null;
  let hasMore = false;
  for (let scanned = 0; shown.length < AUDIT_PAGE_SIZE && scanned < MAX_SCANNED; ) {
    const batch = await db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_PAGE_SIZE + 1,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    const read = batch.slice(0, AUDIT_PAGE_SIZE);
    const reachable = await reachableRecordsOf(db, reader, read, byName);
    for (const entry of read) {
      scanned++;
      lastId = entry.id;
      if (isAboutHiddenObject(entry, reader, objectNames)) continue;
      const about = recordOf(entry);
      const visibleOnRecord = about ? reachable.get(`${about.object}:${about.id}`) : undefined;
      if (about && !visibleOnRecord) continue;
      shown.push(maskAuditEntry(entry, reader, emailFields, visibleOnRecord));
      if (shown.length === AUDIT_PAGE_SIZE) break;
    }
    hasMore = batch.length > AUDIT_PAGE_SIZE || lastId !== read.at(-1)?.id;
    if (batch.length <= AUDIT_PAGE_SIZE) break;
    after = lastId;
  }
  // The cursor of the next page is the last entry read, shown or not.
  return { entries: shown, hasMore, lastId };
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
