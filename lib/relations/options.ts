/**
 * What a relation field may point to, as the member sees it: the records of its target object
 * (the first 200 by label, optionally searched) through the record list, so the member's
 * record-level rule and field sight apply; an Owner field's options are the workspace members.
 * A field the member cannot see, or whose target object is hidden, is refused.
 */
import type { Principal } from "@/lib/access/principal";
import { labelFieldOf, visibleRelationTarget } from "@/lib/csv/related-labels";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { findRecordObject, listRecords, visibleFieldsOf } from "@/lib/records";

export interface RelationOption {
  id: string;
  label: string;
}

export const RELATION_OPTIONS_LIMIT = 200;

export async function relationOptions(db: Tx, member: Principal, query: { object: string; field: string; search?: string }): Promise<RelationOption[]> {
  const object = await findRecordObject(db, member.workspaceId, query.object);
  const field = object ? visibleFieldsOf(member, object).find((candidate) => candidate.name === query.field) : undefined;
  if (field?.type === "MEMBER") {
    // An Owner points to a workspace member: the options are the members, by name.
    const members = await db.workspaceMember.findMany({ where: { workspaceId: member.workspaceId }, select: { id: true, user: { select: { name: true } } } });
    return members.map((candidate) => ({ id: candidate.id, label: candidate.user.name })).sort((a, b) => a.label.localeCompare(b.label));
  }
  const target = field ? await visibleRelationTarget(db, member, field) : null;
  if (!target) throw new DomainError("FORBIDDEN", { field: query.field, params: { object: query.object, field: query.field, reason: "RELATION_TARGET_NOT_VISIBLE" } });
  const label = labelFieldOf(target);
  const page = await listRecords(db, member, target.namePlural, {
    limit: RELATION_OPTIONS_LIMIT,
    search: query.search ?? null,
    orderBy: label ? { field: label.name, direction: "asc" } : null,
  });
  return page.records.map((record) => ({ id: String(record.id), label: label ? String(record[label.name] ?? record.id) : String(record.id) }));
}
