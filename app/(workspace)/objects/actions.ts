"use server";

/**
 * Server actions of the records UI. Thin: memberAction resolves the signed-in member and parses
 * the input with zod; each opens the transaction of a write and calls lib/records (or lib/csv,
 * lib/relations, which go through lib/records), which asks the permission engine, writes the
 * audit entry and throws a DomainError (FORBIDDEN, NOT_FOUND …) on refusal.
 */
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { DomainError } from "@/lib/errors";
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
import { relatedLabels } from "@/lib/csv/related-labels";
import { exportRecordsCsv } from "@/lib/csv/export";
import { CSV_IMPORT_TRANSACTION, importRecordsCsv, MAX_IMPORT_BYTES } from "@/lib/csv/import";
import { relationOptions } from "@/lib/relations/options";
import type { RecordsPage } from "@/components/records/types";

// Writes change lists, record pages and counts under /objects; reads revalidate nothing.
const RECORDS: Revalidation = { path: "/objects", type: "layout" };

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
export const listRecordsAction = memberAction({ schema: listInput, reads: true }, async ({ actor, input: { object: objectName, trash, ...options } }): Promise<RecordsPage> => {
  const page = trash ? await listTrash(db, actor, objectName, options) : await listRecords(db, actor, objectName, options);
  const object = await findRecordObject(db, actor.workspaceId, objectName);
  const labels = object ? await relatedLabels(db, actor, visibleFieldsOf(actor, object), page.records) : {};
  return { records: page.records, pageInfo: page.pageInfo, labels };
});

/** Records a relation field may point to (lib/relations/options.ts). */
export const relationOptionsAction = memberAction(
  { schema: z.object({ object: name, field: name, search: z.string().max(MAX_SEARCH_LENGTH).optional() }), reads: true },
  ({ actor, input }) => relationOptions(db, actor, input),
);

export const createRecordAction = memberAction({ schema: z.object({ object: name, values }), revalidate: RECORDS }, async ({ actor, input }) => {
  const record = await db.$transaction((tx) => createRecord(tx, actor, input.object, input.values));
  return { id: String(record.id) };
});

export const updateRecordAction = memberAction({ schema: recordRef.extend({ patch: values }), revalidate: RECORDS }, ({ actor, input }) =>
  db.$transaction((tx) => updateRecord(tx, actor, input.object, input.id, input.patch)),
);

// Trash, restore or destroy one record: the three differ only in the door they go through.
const lifecycle = (door: typeof softDeleteRecord | typeof restoreRecord | typeof destroyRecord) =>
  memberAction({ schema: recordRef, revalidate: RECORDS }, async ({ actor, input }) => {
    await db.$transaction((tx) => door(tx, actor, input.object, input.id));
    return undefined;
  });

export const softDeleteRecordAction = lifecycle(softDeleteRecord);
export const restoreRecordAction = lifecycle(restoreRecord);
export const destroyRecordAction = lifecycle(destroyRecord);

/** The current list (filter, sort, search) as CSV; refused without EXPORT_CSV. */
export const exportCsvAction = memberAction({ schema: listInput.omit({ cursor: true, limit: true, trash: true }), reads: true }, ({ actor, input: { object, filter, orderBy, search } }) =>
  exportRecordsCsv(db, actor, object, { filter, orderBy, search }),
);

/** A CSV file (multipart field `file`) into the object `object`; all or nothing. Refused without IMPORT_CSV. */
export const importCsvAction = memberAction({ schema: z.instanceof(FormData), revalidate: RECORDS }, async ({ actor, input: form }) => {
  const object = parseOrThrow(name, form.get("object"));
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new DomainError("VALIDATION_FAILED", { field: "file", params: { reason: "FILE_REQUIRED" } });
  if (file.size > MAX_IMPORT_BYTES) throw new DomainError("VALIDATION_FAILED", { field: "file", params: { reason: "FILE_TOO_LARGE", limit: MAX_IMPORT_BYTES } });
  const text = await file.text();
  return db.$transaction((tx) => importRecordsCsv(tx, actor, object, text), CSV_IMPORT_TRANSACTION);
});
