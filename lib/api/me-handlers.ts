/** What the calling key may do: the engine's resolved view, and single questions with their reason. */
import { explain, readablePermissions, type ExplainQuery } from "@/lib/permissions";
import { findRecordObject } from "@/lib/records";
import { heldSets } from "@/lib/access/grants";
import { parseCheckQuery } from "./check-query";
import { jsonResponse } from "./responses";
import { authenticatedRoute } from "./route";
import { searchParamsObject } from "./search-params";

/** GET /api/rest/me/permissions */
export const handleMyPermissions = authenticatedRoute<Record<string, never>>(async ({ db, principal }) => {
  const [role, sets] = await Promise.all([
    db.role.findFirst({ where: { id: principal.roleId, workspaceId: principal.workspaceId }, select: { id: true, name: true } }),
    heldSets(db, principal.workspaceId, principal.kind, principal.id),
  ]);
  return jsonResponse({
    data: {
      principal: { kind: principal.kind, id: principal.id, label: principal.label },
      role,
      permissionSets: sets.map((set) => ({ id: set.id, name: set.name, until: set.expiresAt?.toISOString() ?? null })),
      // The engine's readable view with sources, without the fields the key cannot see (SPEC §16).
      permissions: readablePermissions(principal.permissions),
    },
  });
});

/** GET /api/rest/me/check */
export const handlePermissionCheck = authenticatedRoute<Record<string, never>>(async ({ db, principal, request }) => {
  const query = parseCheckQuery(searchParamsObject(new URL(request.url).searchParams));
  let question: ExplainQuery;
  if (query.kind === "object") {
    // Accept the REST name too; an unknown name goes to the engine as is, which denies it.
    const object = await findRecordObject(db, principal.workspaceId, query.object);
    question = { kind: "object", action: query.action, object: object?.nameSingular ?? query.object, ...(query.field ? { field: query.field } : {}) };
  } else {
    question = query;
  }
  const { allowed, source, reason, recordRule, grant, consulted } = explain(principal.permissions, question);
  return jsonResponse({ data: { allowed, source, reason, ...(recordRule ? { recordRule } : {}), ...(grant ? { grant } : {}), ...(consulted ? { consulted } : {}) } });
});
