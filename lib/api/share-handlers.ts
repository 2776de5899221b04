/**
 * REST for the shares of one record (SPEC §19): `GET/POST/DELETE /api/rest/{object}/{id}/shares`.
 * DELETE names the share by `shareId`, in the query or the JSON body. No rule is decided here.
 */
import { listRecordShares, shareInput, shareRecord, unshareInput, unshareRecord } from "@/lib/records/shares";
import { parseOrThrow } from "@/lib/validation";
import { readJsonBody } from "./body";
import { jsonResponse } from "./responses";
import { authenticatedRoute } from "./route";
import type { RecordParams } from "./records-handlers";

/** GET /api/rest/{object}/{id}/shares */
export const handleListShares = authenticatedRoute<RecordParams>(async ({ db, principal, params }) => {
  return jsonResponse({ data: await listRecordShares(db, principal, params.object, params.id) });
});

/** POST /api/rest/{object}/{id}/shares */
export const handleCreateShare = authenticatedRoute<RecordParams>(async ({ db, principal, request, params }) => {
  const input = parseOrThrow(shareInput, await readJsonBody(request), "values");
  return jsonResponse({ data: await db.$transaction((tx) => shareRecord(tx, principal, params.object, params.id, input)) }, 201);
});

/** DELETE /api/rest/{object}/{id}/shares?shareId=… (or `{ "shareId" }` in the body) */
export const handleDeleteShare = authenticatedRoute<RecordParams>(async ({ db, principal, request, params }) => {
  const fromQuery = new URL(request.url).searchParams.get("shareId");
  const body = fromQuery === null ? await readJsonBody(request) : { shareId: fromQuery };
  const { shareId } = parseOrThrow(unshareInput, body, "values");
  return jsonResponse({ data: await db.$transaction((tx) => unshareRecord(tx, principal, params.object, params.id, shareId)) });
});
