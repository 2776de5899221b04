/**
 * REST handlers for records (SPEC §9): each parses the request, calls one use case of
 * lib/records with the key's principal (a write in a transaction the handler opens), and shapes
 * the answer. No rule is decided here.
 */
import { createRecord, destroyRecord, getRecord, listRecords, listTrash, restoreRecord, softDeleteRecord, updateRecord } from "@/lib/records";
import { readJsonBody } from "./body";
import { parseListQuery } from "./list-query";
import { jsonResponse } from "./responses";
import { authenticatedRoute } from "./route";

export interface ObjectParams {
  object: string;
}

export interface RecordParams extends ObjectParams {
  id: string;
}

/** GET /api/rest/{object} */
export const handleListRecords = authenticatedRoute<ObjectParams>(async ({ db, principal, request, params }) => {
  const { trashOnly, ...options } = parseListQuery(new URL(request.url));
  const page = trashOnly ? await listTrash(db, principal, params.object, options) : await listRecords(db, principal, params.object, options);
  return jsonResponse({ data: page.records, pageInfo: page.pageInfo });
});

/** POST /api/rest/{object} */
export const handleCreateRecord = authenticatedRoute<ObjectParams>(async ({ db, principal, request, params }) => {
  const body = await readJsonBody(request);
  return jsonResponse({ data: await db.$transaction((tx) => createRecord(tx, principal, params.object, body)) }, 201);
});

/** GET /api/rest/{object}/{id} */
export const handleGetRecord = authenticatedRoute<RecordParams>(async ({ db, principal, params }) => {
  return jsonResponse({ data: await getRecord(db, principal, params.object, params.id) });
});

/** PATCH /api/rest/{object}/{id} */
export const handleUpdateRecord = authenticatedRoute<RecordParams>(async ({ db, principal, request, params }) => {
  const body = await readJsonBody(request);
  return jsonResponse({ data: await db.$transaction((tx) => updateRecord(tx, principal, params.object, params.id, body)) });
});

/** DELETE /api/rest/{object}/{id}: to the trash. */
export const handleSoftDeleteRecord = authenticatedRoute<RecordParams>(async ({ db, principal, params }) => {
  return jsonResponse({ data: await db.$transaction((tx) => softDeleteRecord(tx, principal, params.object, params.id)) });
});

/** POST /api/rest/{object}/{id}/restore */
export const handleRestoreRecord = authenticatedRoute<RecordParams>(async ({ db, principal, params }) => {
  return jsonResponse({ data: await db.$transaction((tx) => restoreRecord(tx, principal, params.object, params.id)) });
});

/** DELETE /api/rest/{object}/{id}/destroy: permanent. */
export const handleDestroyRecord = authenticatedRoute<RecordParams>(async ({ db, principal, params }) => {
  return jsonResponse({ data: await db.$transaction((tx) => destroyRecord(tx, principal, params.object, params.id)) });
});
