/**
 * THE route table of the machine interfaces: every endpoint under /api, declared once — method,
 * path, authentication, settings permission, zod input, documented answer, handler. The Hono
 * router (./router.ts: `npm start` through server.ts, and `next dev` through
 * app/api/[...path]/route.ts), the OpenAPI document (./openapi.ts) and the tests (which send
 * requests through that router) are derived from it. Adding an endpoint is one entry here plus
 * its use case in lib/<domain> (docs/recipes.md, "Add a REST endpoint").
 *
 * Handlers parse nothing by hand and decide no rule: they call one use case with the key's
 * principal (writes in a transaction opened here) and shape the answer (docs/reference.md §9).
 */
import { z } from "zod";
import { heldSets } from "@/lib/access/grants";
import { accessRequestInputSchema } from "@/lib/access-requests/input";
import { listOwnRequests, requestAccess } from "@/lib/access-requests/requests";
import { handleMcpHttpRequest } from "@/lib/agents/http";
import { explain, readablePermissions, type ExplainQuery } from "@/lib/permissions";
import { createRecord, destroyRecord, findRecordObject, getRecord, listRecordObjects, listRecords, listTrash, restoreRecord, softDeleteRecord, standardRecordObjects, updateRecord } from "@/lib/records";
import { listGuardrails } from "@/lib/roles/guardrails";
import { listRoles } from "@/lib/roles/queries";
import { recordReachPaths } from "@/lib/records/record-paths";
import { listRecordShares, shareInput, shareRecord, unshareInput, unshareRecord } from "@/lib/records/shares";
import { parseOrThrow } from "@/lib/validation";
import { authenticateApiKey, hasAuthorization } from "./auth";
import { actionCheckSchema, objectCheckSchema, parseCheckQuery, settingCheckSchema, type CheckQuery } from "./check-query";
import { listQuerySchema, parseListQuery, type ListQuery } from "./list-query";
import { accessRequestSchema, explanationSchema, guardrailsCheckSchema, myPermissionsSchema, rolesListSchema } from "./response-schemas";
import { buildOpenApiDocument, type OpenApiOptions } from "./openapi";
import { readJsonBody } from "./body";
import { jsonResponse } from "./responses";
import { searchParamsObject } from "./search-params";
import { applyRateLimit, defineRoute, type ApiRoute, type DocumentedObject } from "./route";

const AUTH_ERRORS = [401, 429];

const SHARE_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: {
    id: { type: "string" },
    targetKind: { type: "string", enum: ["member", "team"] },
    targetId: { type: "string" },
    targetName: { type: "string" },
    access: { type: "string", enum: ["view", "edit"] },
    sharedBy: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
  },
  required: ["id", "targetKind", "targetId", "targetName", "access", "sharedBy", "createdAt"],
};
const SHARE_INPUT_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: { targetKind: { type: "string", enum: ["member", "team"] }, targetId: { type: "string", description: "A member's id or a team's id." }, access: { type: "string", enum: ["view", "edit"] } },
  required: ["targetKind", "targetId", "access"],
  additionalProperties: false,
};

// Per-object documentation of the records routes (each object's schemas are built by openapi.ts).
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const oneRecord = (object: DocumentedObject) => ({ type: "object", properties: { data: schemaRef(object.singular) }, required: ["data"] });
const recordPage = (object: DocumentedObject) => ({ type: "object", properties: { data: { type: "array", items: schemaRef(object.singular) }, pageInfo: schemaRef("PageInfo") }, required: ["data", "pageInfo"] });
const recordDoc = (object: DocumentedObject, verb: string, summary: string) => ({ operationId: `${verb}${object.singular}`, summary, tags: [object.labelPlural] });
const lower = (label: string) => label.toLowerCase();

/** Trash, restore, destroy: the same entry but for the use case and how the document words it. */
function recordLifecycleRoute(
  method: "POST" | "DELETE",
  path: string,
  useCase: typeof softDeleteRecord | typeof restoreRecord | typeof destroyRecord,
  doc: { verb: string; allowed: (object: DocumentedObject) => boolean; summary: (label: string) => string; description: string; errors: number[] },
): ApiRoute {
  return defineRoute({
    method,
    path,
    auth: "key",
    doc: (object) =>
      doc.allowed(object) ? { ...recordDoc(object, doc.verb, doc.summary(lower(object.labelSingular))), success: { description: doc.description, schema: oneRecord(object) }, errors: doc.errors } : null,
    handle: async ({ db, principal, params }) => ({ data: await db.$transaction((tx) => useCase(tx, principal, params.object, params.id)) }),
  });
}

/** `/api/rest/me/check` documents one parameter set covering its three shapes. */
const checkParametersShape = {
  ...objectCheckSchema.shape,
  action: z.union([objectCheckSchema.shape.action, actionCheckSchema.shape.action]).optional().describe("An object action (see, create, edit, delete, destroy; with `object`) or a workspace action (SEND_EMAIL, IMPORT_CSV, EXPORT_CSV)."),
  object: objectCheckSchema.shape.object.optional(),
  setting: settingCheckSchema.shape.setting.optional(),
};

/** A zod input schema as the JSON Schema of an OpenAPI request body. */
function inputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return rest;
}

export const API_ROUTES: readonly ApiRoute[] = [
  // ── Permissions: what the calling key may do ────────────────────────────────────────────────
  defineRoute({
    method: "GET",
    path: "/api/rest/me/permissions",
    auth: "key",
    response: myPermissionsSchema,
    doc: {
      operationId: "getMyPermissions",
      summary: "Effective permissions of the calling key, object by object and field by field, with the source of each value",
      tags: ["Permissions"],
      success: { description: "The resolved permissions." },
      errors: AUTH_ERRORS,
    },
    handle: async ({ db, principal }) => {
      const [role, sets] = await Promise.all([
        db.role.findFirst({ where: { id: principal.roleId, workspaceId: principal.workspaceId }, select: { id: true, name: true } }),
        heldSets(db, principal.workspaceId, principal.kind, principal.id),
      ]);
      return {
        data: {
          principal: { kind: principal.kind, id: principal.id, label: principal.label },
          role,
          permissionSets: sets.map((set) => ({ id: set.id, name: set.name, until: set.expiresAt?.toISOString() ?? null })),
          // The engine's readable view with sources, without the fields the key cannot see (docs/reference.md §16).
          permissions: readablePermissions(principal.permissions),
        },
      };
    },
  }),
  defineRoute<CheckQuery>({
    method: "GET",
    path: "/api/rest/me/check",
    auth: "key",
    query: z.object(checkParametersShape),
    parseQuery: (url) => parseCheckQuery(searchParamsObject(url.searchParams)),
    response: explanationSchema,
    doc: {
      operationId: "checkPermission",
      summary: "Is one thing allowed, and which rule decides? `?action=see&object=people&field=email`, `?setting=ROLES` or `?action=EXPORT_CSV`",
      tags: ["Permissions"],
      success: { description: "Allowed or denied, with the deciding rule." },
      errors: [...AUTH_ERRORS, 422],
    },
    handle: async ({ db, principal, query }) => {
      let question: ExplainQuery;
      if (query.kind === "object") {
        // Accept the REST name too; an unknown name goes to the engine as is, which denies it.
        const object = await findRecordObject(db, principal.workspaceId, query.object);
        question = { kind: "object", action: query.action, object: object?.nameSingular ?? query.object, ...(query.field ? { field: query.field } : {}) };
      } else {
        question = query;
      }
      const { allowed, source, reason, recordRule, grant, consulted } = explain(principal.permissions, question);
      const answer = { allowed, source, reason, ...(recordRule ? { recordRule } : {}), ...(grant ? { grant } : {}), ...(consulted ? { consulted } : {}) };
      if (query.kind === "object" && query.recordId) {
        // docs/reference.md §19: about one record, the paths that reach it (`Shared by Mia`, `Owner reports to you`…).
        const paths = await recordReachPaths(db, principal, query.object, query.recordId, query.action);
        const reached = paths.length > 0;
        return { data: { ...answer, allowed: allowed && reached, record: { id: query.recordId, reached, paths } } };
      }
      return { data: answer };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/rest/guardrails/check",
    auth: "key",
    permission: "ROLES",
    response: guardrailsCheckSchema,
    doc: {
      operationId: "checkGuardrails",
      summary: 'Every guardrail of the workspace (e.g. "Intern must never See field Address on People"), holding or broken, and why. The key\'s role needs the Roles settings permission',
      tags: ["Permissions"],
      success: { description: "Each guardrail with the engine's verdict; `holds` is true when all hold." },
      errors: [...AUTH_ERRORS, 403],
    },
    handle: async ({ db, principal }) => {
      const data = (await listGuardrails(db, principal.workspaceId)).map((guardrail) => ({
        id: guardrail.id,
        statement: guardrail.statement,
        // About a role, or (docs/reference.md §17) about one member: the other is null.
        role: guardrail.roleId ? { id: guardrail.roleId, name: guardrail.roleName } : null,
        member: guardrail.memberId ? { id: guardrail.memberId, name: guardrail.roleName } : null,
        mode: guardrail.mode,
        action: guardrail.action,
        object: guardrail.object,
        field: guardrail.field,
        holds: guardrail.holds,
        reason: guardrail.reason,
      }));
      return { data, holds: data.every((guardrail) => guardrail.holds) };
    },
  }),
  // docs/reference.md §18: the calling key asks for the grant a refusal named (`error.needs.permission`)
  // and lists its own requests; members decide them in the browser (Settings → Roles → Requests).
  defineRoute({
    method: "POST",
    path: "/api/rest/me/access-requests",
    auth: "key",
    body: true,
    status: 201,
    response: z.object({ data: accessRequestSchema, existing: z.boolean() }),
    doc: {
      operationId: "requestAccess",
      summary: "Ask for the permission a refusal named (`error.needs.permission`), with a `reason` and `for` (`1h`, `1d`, `1w` or an ISO instant, within the workspace's maximum). A second request for the same grant while one is open answers 200 with the open one",
      tags: ["Permissions"],
      requestBody: inputJsonSchema(accessRequestInputSchema),
      success: { description: "The request, open until someone who may grant it approves or denies it." },
      errors: [...AUTH_ERRORS, 404, 409, 422],
    },
    handle: async ({ db, principal, body }) => {
      const { request: created, existing } = await db.$transaction((tx) => requestAccess(tx, principal, body));
      // 201 for a new request, 200 with the open one for the same grant.
      return jsonResponse({ data: created, existing }, existing ? 200 : 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/rest/me/access-requests",
    auth: "key",
    response: z.object({ data: z.array(accessRequestSchema) }),
    doc: {
      operationId: "listMyAccessRequests",
      summary: "The key's own access requests, newest first, with their outcome",
      tags: ["Permissions"],
      success: { description: "Open, approved and denied requests." },
      errors: AUTH_ERRORS,
    },
    handle: async ({ db, principal }) => ({ data: await listOwnRequests(db, principal) }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/rest/roles",
    auth: "key",
    permission: "ROLES",
    response: rolesListSchema,
    doc: {
      operationId: "listRoles",
      summary: "The roles of the workspace, as Settings → Roles lists them (Admin first), with how many members, API keys and agents hold each. The key's role needs the Roles settings permission",
      tags: ["Permissions"],
      success: { description: "Every role (permission sets are not roles and are left out)." },
      errors: [...AUTH_ERRORS, 403],
    },
    handle: async ({ db, principal }) => ({ data: await listRoles(db, principal.workspaceId) }),
  }),

  // ── Service ────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: "GET",
    path: "/api/health",
    auth: "public",
    response: z.object({ status: z.literal("ok") }),
    doc: { operationId: "health", summary: "Liveness, without a key", tags: ["Service"], security: [], success: { description: "The server answers." }, errors: [] },
    // No key, no database: for load balancers and scripts.
    handle: async () => ({ status: "ok" }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/openapi.json",
    auth: "public",
    response: { type: "object" },
    doc: {
      operationId: "openapi",
      summary: "This document. Without a key: the standard objects; with a key: its workspace, as its role sees it",
      tags: ["Service"],
      security: [{}, { bearerAuth: [] }],
      success: { description: "An OpenAPI 3.1 document." },
      errors: [401],
    },
    // Without a key: the standard objects, revealing nothing of any workspace. With a key: its
    // workspace's objects (custom ones included) as its role sees them.
    handle: async ({ deps, db, request }) => {
      if (!hasAuthorization(request)) return openApiDocument(standardRecordObjects());
      const principal = await authenticateApiKey(db, request, deps.now());
      const headers = await applyRateLimit(deps, principal);
      const objects = await listRecordObjects(db, principal.workspaceId);
      return jsonResponse(openApiDocument(objects, { permissions: principal.permissions }), 200, headers);
    },
  }),
  // MCP over streamable HTTP for AI agents (docs/reference.md §15): its own protocol, token and
  // answers, so the entry hands it the raw request; stdio stays available (`npm run mcp`).
  defineRoute({ method: ["GET", "POST", "DELETE"], path: "/api/mcp", auth: "raw", doc: false, handle: handleMcpHttpRequest }),

  // ── Records of any object (docs/reference.md §9); fixed paths above match first ───────────────
  defineRoute<ListQuery>({
    method: "GET",
    path: "/api/rest/:object",
    auth: "key",
    query: listQuerySchema,
    parseQuery: parseListQuery,
    doc: (object) => ({
      ...recordDoc(object, "list", `List ${lower(object.labelPlural)}`),
      operationId: `list${object.plural}`,
      success: { description: "One page of records, hidden fields absent.", schema: recordPage(object) },
      errors: [...AUTH_ERRORS, 403, 422],
    }),
    handle: async ({ db, principal, params, query: { trashOnly, ...options } }) => {
      const page = trashOnly ? await listTrash(db, principal, params.object, options) : await listRecords(db, principal, params.object, options);
      return { data: page.records, pageInfo: page.pageInfo };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/rest/:object",
    auth: "key",
    body: true,
    status: 201,
    // POST is documented only for a role that may create (docs/reference.md §13), whatever it may edit.
    doc: (object) =>
      object.canCreate ? { ...recordDoc(object, "create", `Create a ${lower(object.labelSingular)}`), requestBody: schemaRef(`${object.singular}Create`), success: { status: 201, description: "The created record.", schema: oneRecord(object) }, errors: [400, ...AUTH_ERRORS, 403, 413, 422] } : null,
    handle: async ({ db, principal, params, body }) => ({ data: await db.$transaction((tx) => createRecord(tx, principal, params.object, body)) }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/rest/:object/:id",
    auth: "key",
    doc: (object) => ({ ...recordDoc(object, "get", `Get a ${lower(object.labelSingular)} (live or in the trash)`), success: { description: "The record.", schema: oneRecord(object) }, errors: [...AUTH_ERRORS, 403, 404] }),
    handle: async ({ db, principal, params }) => ({ data: await getRecord(db, principal, params.object, params.id) }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/rest/:object/:id",
    auth: "key",
    body: true,
    doc: (object) =>
      object.canEdit
        ? {
            ...recordDoc(object, "update", `Update a ${lower(object.labelSingular)}: only the given fields change; null clears one`),
            requestBody: schemaRef(`${object.singular}Update`),
            success: { description: "The updated record.", schema: oneRecord(object) },
            errors: [400, ...AUTH_ERRORS, 403, 404, 409, 413, 422],
          }
        : null,
    handle: async ({ db, principal, params, body }) => ({ data: await db.$transaction((tx) => updateRecord(tx, principal, params.object, params.id, body)) }),
  }),
  // Soft delete: the record goes to the trash. Permanent deletion is DELETE …/destroy.
  recordLifecycleRoute("DELETE", "/api/rest/:object/:id", softDeleteRecord, {
    verb: "delete",
    allowed: (object) => object.canDelete,
    summary: (label) => `Move a ${label} to the trash`,
    description: "The trashed record (deletedAt set).",
    errors: [...AUTH_ERRORS, 403, 404, 409],
  }),
  recordLifecycleRoute("POST", "/api/rest/:object/:id/restore", restoreRecord, {
    verb: "restore",
    allowed: (object) => object.canDelete,
    summary: (label) => `Restore a ${label} from the trash`,
    description: "The restored record.",
    errors: [...AUTH_ERRORS, 403, 404, 409],
  }),
  // Permanent deletion, of a live or trashed record.
  recordLifecycleRoute("DELETE", "/api/rest/:object/:id/destroy", destroyRecord, {
    verb: "destroy",
    allowed: (object) => object.canDestroy,
    summary: (label) => `Destroy a ${label} permanently (live or in the trash)`,
    description: "The record as it was before destruction.",
    errors: [...AUTH_ERRORS, 403, 404],
  }),
  // Shares of one record (docs/reference.md §19): whether the caller may share is decided per record.
  defineRoute({
    method: "GET",
    path: "/api/rest/:object/:id/shares",
    auth: "key",
    doc: (object) => ({ ...recordDoc(object, "list", `The members and teams this ${lower(object.labelSingular)} is shared with`), operationId: `list${object.singular}Shares`, success: { description: "The shares.", schema: { type: "object", properties: { data: { type: "array", items: SHARE_SCHEMA } }, required: ["data"] } }, errors: [...AUTH_ERRORS, 403, 404] }),
    handle: async ({ db, principal, params }) => ({ data: await listRecordShares(db, principal, params.object, params.id) }),
  }),
  defineRoute({
    method: "POST",
    path: "/api/rest/:object/:id/shares",
    auth: "key",
    body: true,
    status: 201,
    doc: (object) => ({ ...recordDoc(object, "share", `Share this ${lower(object.labelSingular)} with a member or a team (Can view / Can edit), within what you may do and where your role allows sharing`), requestBody: SHARE_INPUT_SCHEMA, success: { status: 201, description: "The share.", schema: { type: "object", properties: { data: SHARE_SCHEMA }, required: ["data"] } }, errors: [400, ...AUTH_ERRORS, 403, 404, 422] }),
    handle: async ({ db, principal, params, body }) => {
      const input = parseOrThrow(shareInput, body, "values");
      return { data: await db.$transaction((tx) => shareRecord(tx, principal, params.object, params.id, input)) };
    },
  }),
  // DELETE names the share by `shareId`, in the query or the JSON body.
  defineRoute({
    method: "DELETE",
    path: "/api/rest/:object/:id/shares",
    auth: "key",
    doc: (object) => ({ ...recordDoc(object, "unshare", `Remove a share of this ${lower(object.labelSingular)}`), parameters: [{ name: "shareId", in: "query", required: true, schema: { type: "string" }, description: "The share's id." }], success: { description: "The removed share's id.", schema: { type: "object", properties: { data: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } }, required: ["data"] } }, errors: [...AUTH_ERRORS, 403, 404, 422] }),
    handle: async ({ db, principal, request, params }) => {
      const fromQuery = new URL(request.url).searchParams.get("shareId");
      const body = fromQuery === null ? await readJsonBody(request) : { shareId: fromQuery };
      const { shareId } = parseOrThrow(unshareInput, body, "values");
      return { data: await db.$transaction((tx) => unshareRecord(tx, principal, params.object, params.id, shareId)) };
    },
  }),
];

/** The OpenAPI document of this table, for the objects given (as a role sees them, with `permissions`). */
export function openApiDocument(objects: Parameters<typeof buildOpenApiDocument>[1], options: OpenApiOptions = {}) {
  return buildOpenApiDocument(API_ROUTES, objects, options);
}
