import { listRecordObjects, standardRecordObjects } from "@/lib/records";
import { authenticateApiKey, hasAuthorization } from "./auth";
import { buildOpenApiDocument } from "./openapi";
import { jsonResponse } from "./responses";
import { applyRateLimit, publicRoute } from "./route";

/** GET /api/health: no key, no database; for load balancers and scripts. */
export const handleHealth = publicRoute<Record<string, never>>(async () => jsonResponse({ status: "ok" }));

/**
 * GET /api/openapi.json. Without a key: the standard objects, revealing nothing of any workspace.
 * With a key: its workspace's objects (custom ones included) as its role sees them.
 */
export const handleOpenApiDocument = publicRoute<Record<string, never>>(async ({ deps, db, request }) => {
  if (!hasAuthorization(request)) return jsonResponse(buildOpenApiDocument(standardRecordObjects()));
  const principal = await authenticateApiKey(db, request, deps.now());
  const headers = await applyRateLimit(deps, principal);
  const objects = await listRecordObjects(db, principal.workspaceId);
  return jsonResponse(buildOpenApiDocument(objects, { permissions: principal.permissions }), 200, headers);
});
