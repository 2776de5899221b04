/**
 * A webhook's payload as its owner may see it (docs/reference.md §16, §20). The event is one audit entry; it
 * leaves through the same sight as the audit log shown to the owner (lib/audit/reader.ts): an
 * entry about an object the owner cannot see or a record outside their rule is not sent at all,
 * snapshots are masked with the owner's permissions. Role and permission-set snapshots are cut
 * too: rules about objects the owner cannot see and field rules or conditions on fields the owner
 * cannot see are left out (a webhook is not a way to learn a schema one's role hides).
 */
import type { Tx } from "@/lib/db/prisma";
import { can } from "@/lib/permissions";
import { listRecordObjects } from "@/lib/records/objects";
import { isAboutHiddenObject, maskAuditEntry, reachableRecordsOf, recordOf } from "@/lib/audit/reader";
import type { Reader } from "./reader";

export interface WebhookPayload {
  id: string;
  event: string;
  occurredAt: string;
  workspaceId: string;
  actor: { type: string; id: string | null; label: string };
  target: { type: string; id: string | null; label: string };
  data: { before: unknown; after: unknown };
}

export async function webhookPayload(db: Tx, owner: Reader, delivery: { deliveryId: string; event: string; auditLogId: string }): Promise<WebhookPayload | null> {
  const entry = await db.auditLog.findFirst({ where: { id: delivery.auditLogId, workspaceId: owner.workspaceId } });
  if (!entry) return null;
  const objects = await listRecordObjects(db, owner.workspaceId);
  const byName = new Map(objects.map((object) => [object.nameSingular, object]));
  if (isAboutHiddenObject(entry, owner, new Set(byName.keys()))) return null;
  const about = recordOf(entry);
  // As the audit log does (lib/audit/queries.ts): a record's entry only if the owner reaches it, masked with the fields they see on it.
  const visibleOnRecord = about ? (await reachableRecordsOf(db, owner, [entry], byName)).get(`${about.object}:${about.id}`) : undefined;
  if (about && !visibleOnRecord) return null;
  const emailFields = new Map(objects.map((object) => [object.nameSingular, object.fields.filter((field) => field.type === "EMAIL").map((field) => field.name)]));
  const masked = maskAuditEntry(entry, owner, emailFields, visibleOnRecord);
  const isDefinition = entry.action === "role.created" || entry.action === "role.updated" || entry.action === "role.restored" || entry.action === "role.deleted";
  const snapshot = (json: string | null) => {
    const value = parse(json);
    return isDefinition ? cutDefinition(value, owner) : value;
  };
  return {
    id: delivery.deliveryId,
    event: delivery.event,
    occurredAt: entry.createdAt.toISOString(),
    workspaceId: entry.workspaceId,
    actor: { type: entry.actorType, id: entry.actorId, label: entry.actorLabel },
    target: { type: entry.targetType, id: entry.targetId, label: masked.targetLabel },
    data: { before: snapshot(masked.before), after: snapshot(masked.after) },
  };
}

/** A role or set definition (a RoleDraft) without what is about objects and fields the owner cannot see. */
export function cutDefinition(value: unknown, owner: Pick<Reader, "permissions">): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const draft = value as Record<string, unknown>;
  const seesObject = (object: unknown) => typeof object === "string" && can(owner.permissions, "see", object);
  const seesField = (object: unknown, field: unknown) => seesObject(object) && typeof field === "string" && can(owner.permissions, "see", object as string, field);
  const out: Record<string, unknown> = { ...draft };
  if (Array.isArray(draft.objectRules)) {
    out.objectRules = draft.objectRules
      .filter((rule) => seesObject((rule as { object?: unknown })?.object))
      .map((rule) => {
        const { recordRule, ...rest } = rule as { object: string; recordRule?: unknown };
        if (!recordRule || typeof recordRule !== "object" || !Array.isArray((recordRule as { conditions?: unknown }).conditions)) return recordRule === undefined ? rest : { ...rest, recordRule };
        const conditions = (recordRule as { conditions: { field?: unknown }[] }).conditions.filter((condition) => seesField(rest.object, condition?.field));
        return { ...rest, recordRule: { ...(recordRule as object), conditions } };
      });
  }
  if (Array.isArray(draft.fieldRules)) {
    out.fieldRules = draft.fieldRules.filter((rule) => seesField((rule as { object?: unknown })?.object, (rule as { field?: unknown })?.field));
  }
  return out;
}

function parse(json: string | null): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}
