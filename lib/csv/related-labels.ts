/**
 * The display names of related records (a person's Company), read through lib/records with the
 * acting principal: a relation to an object the principal cannot see keeps its raw id and gets
 * no label, so neither the records UI nor an export reveals more than a list of that object would.
 */
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { can } from "@/lib/permissions";
import { findRecordObject, listRecords, type RecordField, type RecordFilter, type RecordObject, type VisibleRecord } from "@/lib/records";

/** field name → related record id → label. */
export type RelationLabels = Record<string, Record<string, string>>;

/** `in` takes at most 100 values (lib/records MAX_IN_VALUES); stay below it. */
const IN_CHUNK = 100;
/** Values containing the `in` separator are looked up one by one with `eq`. */
const IN_SEPARATOR = "|";
const PAGE = 200;
const MAX_MATCHES = 1_000;

export function labelFieldOf(object: RecordObject): RecordField | undefined {
  return object.fields.find((field) => field.isLabel);
}

function labelOf(object: RecordObject, record: VisibleRecord): string {
  const field = labelFieldOf(object);
  const value = field ? record[field.name] : null;
  return typeof value === "string" || typeof value === "number" ? String(value) : String(record.id);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

/** Every record matching `filter`, following cursors (bounded). */
async function listMatching(db: Tx, principal: Principal, target: RecordObject, filter: RecordFilter[], includeDeleted: boolean) {
  const found: VisibleRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await listRecords(db, principal, target.namePlural, { filter, limit: PAGE, cursor, includeDeleted });
    found.push(...page.records);
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor && found.length < MAX_MATCHES);
  return found;
}

/** Records of `target` whose `field` is one of `values`. */
async function findBy(db: Tx, principal: Principal, target: RecordObject, field: string, values: readonly string[], includeDeleted: boolean) {
  const plain = values.filter((value) => value !== "" && !value.includes(IN_SEPARATOR));
  const odd = values.filter((value) => value.includes(IN_SEPARATOR));
  const found: VisibleRecord[] = [];
  for (const chunk of chunks(plain, IN_CHUNK)) {
    found.push(...(await listMatching(db, principal, target, [{ field, op: "in", value: chunk.join(IN_SEPARATOR) }], includeDeleted)));
  }
  for (const value of odd) found.push(...(await listMatching(db, principal, target, [{ field, op: "eq", value }], includeDeleted)));
  return found;
}

/** The relation's target object, if the principal may see it. */
export async function visibleRelationTarget(db: Tx, principal: Principal, field: RecordField): Promise<RecordObject | null> {
  if (field.type !== "RELATION" || !field.relationTarget) return null;
  if (!can(principal.permissions, "see", field.relationTarget)) return null;
  const target = await findRecordObject(db, principal.workspaceId, field.relationTarget);
  return target && can(principal.permissions, "see", target.nameSingular) ? target : null;
}

/** Labels of the records that `records` point to through `fields` (only relation fields count). */
export async function relatedLabels(
  db: Tx,
  principal: Principal,
  fields: readonly RecordField[],
  records: readonly VisibleRecord[],
): Promise<RelationLabels> {
  const labels: RelationLabels = {};
  for (const field of fields) {
    if (field.type === "MEMBER") {
      const byId = await memberNames(db, principal.workspaceId, records.map((record) => record[field.name]));
      if (Object.keys(byId).length > 0) labels[field.name] = byId;
      continue;
    }
    const target = await visibleRelationTarget(db, principal, field);
    if (!target) continue;
    const ids = [...new Set(records.map((record) => record[field.name]).filter((value): value is string => typeof value === "string" && value !== ""))];
    if (ids.length === 0) continue;
    const byId: Record<string, string> = {};
    // Trashed targets keep their name: whoever sees the object may read its trash.
    for (const record of await findBy(db, principal, target, "id", ids, true)) byId[String(record.id)] = labelOf(target, record);
    labels[field.name] = byId;
  }
  return labels;
}

/**
 * Names of the workspace members that member fields (an Owner) point to. Every member already
 * sees the member list, so a name reveals nothing the role could not read elsewhere.
 */
export async function memberNames(db: Tx, workspaceId: string, values: readonly unknown[]): Promise<Record<string, string>> {
  const ids = [...new Set(values.filter((value): value is string => typeof value === "string" && value !== ""))];
  if (ids.length === 0) return {};
  const members = await db.workspaceMember.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, user: { select: { name: true } } } });
  return Object.fromEntries(members.map((member) => [member.id, member.user.name]));
}

export type RelationMatch = { id: string } | { problem: "RELATION_NOT_FOUND" | "RELATION_AMBIGUOUS" };

/**
 * For an import: each value is the id of a live record of `target`, or else the exact label of
 * exactly one live record of it.
 */
export async function resolveRelationValues(db: Tx, principal: Principal, target: RecordObject, values: readonly string[]) {
  const distinct = [...new Set(values.filter((value) => value !== ""))];
  const result = new Map<string, RelationMatch>();
  for (const record of await findBy(db, principal, target, "id", distinct, false)) result.set(String(record.id), { id: String(record.id) });

  const labelField = labelFieldOf(target);
  const byLabel = distinct.filter((value) => !result.has(value));
  if (labelField && byLabel.length > 0) {
    const matches = new Map<string, string[]>();
    for (const record of await findBy(db, principal, target, labelField.name, byLabel, false)) {
      const label = String(record[labelField.name]);
      matches.set(label, [...(matches.get(label) ?? []), String(record.id)]);
    }
    for (const value of byLabel) {
      const ids = matches.get(value) ?? [];
      result.set(value, ids.length === 1 ? { id: ids[0] } : { problem: ids.length === 0 ? "RELATION_NOT_FOUND" : "RELATION_AMBIGUOUS" });
    }
  }
  for (const value of distinct) if (!result.has(value)) result.set(value, { problem: "RELATION_NOT_FOUND" });
  return result;
}
