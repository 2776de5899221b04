/**
 * REST for access requests (SPEC §18): the calling key asks for the grant a refusal named
 * (`error.needs.permission`), with a reason and a period, and lists its own requests. Deciding is
 * done by members in the browser (Settings → Roles → Requests). No rule is decided here.
 */
import { listOwnRequests, requestAccess } from "@/lib/access-requests/requests";
import { readJsonBody } from "./body";
import { jsonResponse } from "./responses";
import { authenticatedRoute } from "./route";

/** POST /api/rest/me/access-requests: 201 with a new request, 200 with the open one for the same grant. */
export const handleCreateAccessRequest = authenticatedRoute<Record<string, never>>(async ({ db, principal, request }) => {
  const body = await readJsonBody(request);
  const { request: created, existing } = await db.$transaction((tx) => requestAccess(tx, principal, body));
  return jsonResponse({ data: created, existing }, existing ? 200 : 201);
});

/** GET /api/rest/me/access-requests: the key's own requests, newest first. */
export const handleListAccessRequests = authenticatedRoute<Record<string, never>>(async ({ db, principal }) => {
  return jsonResponse({ data: await listOwnRequests(db, principal) });
});
