/**
 * The live count of the record-level rule editor (SPEC §13): how many of an object's records a
 * rule reaches for a sample member (or for a key or agent, which have no `Me`). Counted in the
 * database with the SQL the lists use. A count is information too: the actor must hold `Roles`,
 * see the object and every field the conditions use, and reach all of its records.
 */
import type { Db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { can, recordRuleFields, recordRulePredicate, type RecordRule } from "@/lib/permissions";
import type { Principal } from "@/lib/access/principal";
import { authorityFor } from "@/lib/access/authority";
import { findRecordObject } from "@/lib/records/objects";
import { countRecords } from "@/lib/records/sql";
import { readsEveryRecordOf } from "@/lib/sight/reader";

export async function countRecordsReached(db: Db, actor: Principal, objectName: string, rule: RecordRule, sampleMemberId: string | null): Promise<{ reached: number; total: number }> {
  const authority = await authorityFor(db, actor, "ROLES");
  const object = await findRecordObject(db, actor.workspaceId, objectName);
  if (!object) throw new DomainError("NOT_FOUND");
  if (!recordRuleFields(rule).every((field) => object.fieldsByName.has(field))) throw new DomainError("VALIDATION_FAILED", { field: "rule" });
  if (!can(authority, "see", object.nameSingular) || !recordRuleFields(rule).every((field) => can(authority, "see", object.nameSingular, field))) {
    throw new DomainError("FORBIDDEN");
  }
  // An actor limited to some records of the object would learn counts over records they cannot reach.
  if (!authority.isAdmin && !readsEveryRecordOf({ permissions: authority }, object.nameSingular)) throw new DomainError("FORBIDDEN");
  if (sampleMemberId !== null && !(await db.workspaceMember.findFirst({ where: { id: sampleMemberId, workspaceId: actor.workspaceId }, select: { id: true } }))) {
    throw new DomainError("NOT_FOUND", { field: "memberId" });
  }
  const scope = { predicate: recordRulePredicate(rule, { memberId: sampleMemberId }), fields: object.fieldsByName };
  const base = { workspaceId: actor.workspaceId, objectId: object.id };
  const [reached, total] = await Promise.all([countRecords(db, { ...base, scope }), countRecords(db, base)]);
  return { reached, total };
}
