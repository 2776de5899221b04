"use server";

/**
 * Server actions of the records UI. Thin: parse the input with zod, resolve the signed-in
 * member, open the transaction of a write and call lib/records (or lib/csv, which goes through
 * lib/records), which asks the permission engine, writes the audit entry and throws a
 * DomainError (FORBIDDEN, NOT_FOUND …) on refusal.
 */
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import { DomainError, type ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import {
  FILTER_OPERATORS,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  createRecord,
  destroyRecord,
  findRecordObject,
  listRecords,
  listTrash,
  restoreRecord,
  softDeleteRecord,
  updateRecord,
  visibleFieldsOf,
} from "@/lib/records";
import { relatedLabels, visibleRelationTarget, labelFieldOf } from "@/lib/csv/related-labels";
import { exportRecordsCsv, type CsvExport } from "@/lib/csv/export";
import { CSV_IMPORT_TRANSACTION, importRecordsCsv, MAX_IMPORT_BYTES, type CsvImport } from "@/lib/csv/import";
import type { RecordValues, RecordsPage, RelationOption } from "@/components/records/types";

const run = <T,>(work: () => Promise<T>, mutates = false) => runAction(work, mutates ? { path: "/objects", type: "layout" } : undefined);

const name = z.string().min(1).max(100);
const recordRef = z.object({ object: name, id: name });
const filter = z.object({ field: name, op: z.enum(FILTER_OPERATORS), value: z.string().max(2_000) });
const listInput = z.object({
  object: name,
  filter: z.array(filter).max(20).default([]),
  orderBy: z.object({ field: name, direction: z.enum(["asc", "desc"]) }).nullable().default(null),
  search: z.string().max(MAX_SEARCH_LENGTH).nullable().default(null),
  cursor: z.string().max(2_000).nullable().default(null),
  limit: z.int().min(1).max(MAX_PAGE_SIZE).default(50),
  trash: z.boolean().default(false),
});
const values = z.record(z.string().max(100), z.unknown());

export type ListRecordsInput = z.input<typeof listInput>;

/** One page of a list (or of the trash), with the labels of related records the member can see. */
export async function listRecordsAction(input: ListRecordsInput): Promise<ActionResult<RecordsPage>> {
  return run(async () => {
    const member = await requireMemberForAction(undefined, { reads: true });
    const { object: objectName, trash, ...options } = parseOrThrow(listInput, input);
    const page = trash ? await listTrash(db, member, objectName, options) : await listRecords(db, member, objectName, options);
    const object = await findRecordObject(db, member.workspaceId, objectName);
    const labels = object ? await relatedLabels(db, member, visibleFieldsOf(member, object), page.records) : {};
    return { records: page.records, pageInfo: page.pageInfo, labels };
  });
}

/** Records a relation field may point to (first 200 by label, optionally searched). */
export async function relationOptionsAction(input: { object: string; field: string; search?: string }): Promise<ActionResult<RelationOption[]>> {
  return run(async () => {
    const member = await requireMemberForAction(undefined, { reads: true });
    const parsed = parseOrThrow(z.object({ object: name, field: name, search: z.string().max(MAX_SEARCH_LENGTH).optional() }), input);
    const object = await findRecordObject(db, member.workspaceId, parsed.object);
    const field = object ? visibleFieldsOf(member, object).find((candidate) => candidate.name === parsed.field) : undefined;
    if (field?.type === "MEMBER") {
      // An Owner points to a workspace member: the options are the members, by name.
      const members = await db.workspaceMember.findMany({ where: { workspaceId: member.workspaceId }, select: { id: true, user: { select: { name: true } } } });
      return members.map((candidate) => ({ id: candidate.id, label: candidate.user.name })).sort((a, b) => a.label.localeCompare(b.label));
    }
    const target = field ? await visibleRelationTarget(db, member, field) : null;
    if (!target) throw new DomainError("FORBIDDEN", { field: parsed.field, params: { object: parsed.object, field: parsed.field, reason: "RELATION_TARGET_NOT_VISIBLE" } });
    const label = labelFieldOf(target);
    const page = await listRecords(db, member, target.namePlural, {
      limit: 200,
      search: parsed.search ?? null,
      orderBy: label ? { field: label.name, direction: "asc" } : null,
    });
    return page.records.map((record) => ({ id: String(record.id), label: label ? String(record[label.name] ?? record.id) : String(record.id) }));
  });
}

export async function createRecordAction(input: { object: string; values: RecordValues }): Promise<ActionResult<{ id: string }>> {
  return run(async () => {
    const member = await requireMemberForAction();
    const parsed = parseOrThrow(z.object({ object: name, values }), input);
    const record = await db.$transaction((tx) => createRecord(tx, member, parsed.object, parsed.values));
    return { id: String(record.id) };
  }, true);
}

export async function updateRecordAction(input: { object: string; id: string; patch: RecordValues }): Promise<ActionResult<RecordValues>> {
  return run(async () => {
    const member = await requireMemberForAction();
    const parsed = parseOrThrow(recordRef.extend({ patch: values }), input);
    return db.$transaction((tx) => updateRecord(tx, member, parsed.object, parsed.id, parsed.patch));
  }, true);
}

type RecordLifecycleDoor = typeof softDeleteRecord | typeof restoreRecord | typeof destroyRecord;

/** Trash, restore or destroy one record: the three differ only in the door they go through. */
function recordLifecycleAction(door: RecordLifecycleDoor, input: { object: string; id: string }): Promise<ActionResult<undefined>> {
  return run(async () => {
    const member = await requireMemberForAction();
    const parsed = parseOrThrow(recordRef, input);
    await db.$transaction((tx) => door(tx, member, parsed.object, parsed.id));
    return undefined;
  }, true);
}

export async function softDeleteRecordAction(input: { object: string; id: string }): Promise<ActionResult<undefined>> {
  return recordLifecycleAction(softDeleteRecord, input);
}

export async function restoreRecordAction(input: { object: string; id: string }): Promise<ActionResult<undefined>> {
  return recordLifecycleAction(restoreRecord, input);
}

export async function destroyRecordAction(input: { object: string; id: string }): Promise<ActionResult<undefined>> {
  return recordLifecycleAction(destroyRecord, input);
}

/** The current list (filter, sort, search) as CSV; refused without EXPORT_CSV. */
export async function exportCsvAction(input: Omit<ListRecordsInput, "cursor" | "limit" | "trash">): Promise<ActionResult<CsvExport>> {
  return run(async () => {
    const member = await requireMemberForAction(undefined, { reads: true });
    const { object, filter, orderBy, search } = parseOrThrow(listInput.omit({ cursor: true, limit: true, trash: true }), input);
    return exportRecordsCsv(db, member, object, { filter, orderBy, search });
  });
}

/** A CSV file (multipart field `file`) into the object `object`; all or nothing. Refused without IMPORT_CSV. */
export async function importCsvAction(form: FormData): Promise<ActionResult<CsvImport>> {
  return run(async () => {
    const member = await requireMemberForAction();
    const object = parseOrThrow(name, form.get("object"));
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new DomainError("VALIDATION_FAILED", { field: "file", params: { reason: "FILE_REQUIRED" } });
    if (file.size > MAX_IMPORT_BYTES) throw new DomainError("VALIDATION_FAILED", { field: "file", params: { reason: "FILE_TOO_LARGE", limit: MAX_IMPORT_BYTES } });
    const text = await file.text();
    return db.$transaction((tx) => importRecordsCsv(tx, member, object, text), CSV_IMPORT_TRANSACTION);
  }, true);
}
