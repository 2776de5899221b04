/**
 * The OpenAPI 3.1 document of the REST API, built from the zod schemas that validate requests
 * (list and check parameters, per-object record bodies from field metadata). Given a role's
 * permissions, it describes only what that role may see and do.
 */
import { z } from "zod";
import { objectCapabilities, type EffectivePermissions } from "@/lib/permissions";
import { recordInputSchema, recordOutputSchema, toRecordObject, type RecordField, type RecordObject } from "@/lib/records";
import type { ObjectMetadataLike } from "@/lib/records/objects";
import { actionCheckSchema, objectCheckSchema, settingCheckSchema } from "./check-query";
import { listQuerySchema } from "./list-query";
import { errorBodySchema, explanationSchema, guardrailsCheckSchema, myPermissionsSchema, pageInfoSchema } from "./response-schemas";

export interface OpenApiOptions {
  /** Leave out what this role cannot see, and the operations it cannot perform. */
  readonly permissions?: EffectivePermissions;
  readonly serverUrl?: string;
}

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function queryParameters(shape: Record<string, z.ZodType>, required: readonly string[] = []): JsonObject[] {
  return Object.entries(shape).map(([name, schema]) => {
    const { description, ...valueSchema } = jsonSchema(schema);
    return { name, in: "query", required: required.includes(name), ...(description ? { description } : {}), schema: valueSchema };
  });
}

const ERROR_RESPONSES: Record<number, [name: string, description: string]> = {
  400: ["BadRequest", "Malformed request (e.g. a body that is not JSON)."],
  401: ["Unauthorized", "Missing, invalid, revoked or expired API key."],
  403: ["Forbidden", "Your role does not allow this; the message names the object or field."],
  404: ["NotFound", "No such record."],
  409: ["Conflict", "The record is (or is not) in the trash."],
  413: ["PayloadTooLarge", "The body exceeds 1 MB."],
  422: ["ValidationFailed", "Invalid input; `field` names the offending field or parameter."],
  429: ["RateLimited", "Too many requests for this key; see Retry-After."],
};

function errorResponses(statuses: readonly number[]): JsonObject {
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/${ERROR_RESPONSES[status][0]}` }]));
}

function jsonContent(schema: JsonObject) {
  return { content: { "application/json": { schema } } };
}

interface OperationSpec {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: JsonObject[];
  requestBody?: JsonObject;
  success: { status: number; description: string; schema: JsonObject };
  errors: number[];
  security?: JsonObject[];
}

function operation(spec: OperationSpec): JsonObject {
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.requestBody ? { requestBody: { required: true, ...jsonContent(spec.requestBody) } } : {}),
    ...(spec.security ? { security: spec.security } : {}),
    responses: { [String(spec.success.status)]: { description: spec.success.description, ...jsonContent(spec.success.schema) }, ...errorResponses(spec.errors) },
  };
}

function pascal(name: string): string {
  return name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, char: string) => char.toUpperCase());
}

const ID_PARAMETER = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "The record's id." };
const AUTH_ERRORS = [401, 429];

interface ObjectView {
  object: RecordObject;
  visible: RecordField[];
  creatable: RecordField[];
  editable: RecordField[];
  canCreate: boolean;
  canDelete: boolean;
  canDestroy: boolean;
}

function viewOf(object: RecordObject, permissions: EffectivePermissions | undefined): ObjectView | null {
  if (!permissions) {
    // Without a role, the document describes everything (system fields stay read-only).
    const writable = object.fields.filter((field) => !field.isSystem);
    return { object, visible: [...object.fields], creatable: writable, editable: writable, canCreate: true, canDelete: true, canDestroy: true };
  }
  const capabilities = objectCapabilities(permissions, object);
  if (!capabilities.see) return null;
  const among = (names: readonly string[]) => object.fields.filter((field) => names.includes(field.name));
  return {
    object,
    visible: among(capabilities.visibleFields),
    creatable: among(capabilities.creatableFields),
    editable: among(capabilities.editableFields),
    // POST is documented only for a role that may create (SPEC §13), whatever it may edit.
    canCreate: capabilities.create,
    canDelete: capabilities.delete,
    canDestroy: capabilities.destroy,
  };
}

function objectPaths(view: ObjectView, base: string): Record<string, JsonObject> {
  const { object } = view;
  const singular = pascal(object.nameSingular);
  const plural = pascal(object.namePlural);
  const tags = [object.labelPlural];
  const one = { type: "object", properties: { data: ref(singular) }, required: ["data"] };
  const list = { type: "object", properties: { data: { type: "array", items: ref(singular) }, pageInfo: ref("PageInfo") }, required: ["data", "pageInfo"] };

  const collection: JsonObject = {
    get: operation({
      operationId: `list${plural}`,
      summary: `List ${object.labelPlural.toLowerCase()}`,
      tags,
      parameters: queryParameters(listQuerySchema.shape),
      success: { status: 200, description: "One page of records, hidden fields absent.", schema: list },
      errors: [...AUTH_ERRORS, 403, 422],
    }),
  };
  if (view.canCreate) {
    collection.post = operation({
      operationId: `create${singular}`,
      summary: `Create a ${object.labelSingular.toLowerCase()}`,
      tags,
      requestBody: ref(`${singular}Create`),
      success: { status: 201, description: "The created record.", schema: one },
      errors: [400, ...AUTH_ERRORS, 403, 413, 422],
    });
  }

  const item: JsonObject = {
    parameters: [ID_PARAMETER],
    get: operation({
      operationId: `get${singular}`,
      summary: `Get a ${object.labelSingular.toLowerCase()} (live or in the trash)`,
      tags,
      success: { status: 200, description: "The record.", schema: one },
      errors: [...AUTH_ERRORS, 403, 404],
    }),
  };
  if (view.editable.length > 0) {
    item.patch = operation({
      operationId: `update${singular}`,
      summary: `Update a ${object.labelSingular.toLowerCase()}: only the given fields change; null clears one`,
      tags,
      requestBody: ref(`${singular}Update`),
      success: { status: 200, description: "The updated record.", schema: one },
      errors: [400, ...AUTH_ERRORS, 403, 404, 409, 413, 422],
    });
  }
  const paths: Record<string, JsonObject> = { [`${base}/${object.namePlural}`]: collection, [`${base}/${object.namePlural}/{id}`]: item };
  if (view.canDelete) {
    item.delete = operation({
      operationId: `delete${singular}`,
      summary: `Move a ${object.labelSingular.toLowerCase()} to the trash`,
      tags,
      success: { status: 200, description: "The trashed record (deletedAt set).", schema: one },
      errors: [...AUTH_ERRORS, 403, 404, 409],
    });
    paths[`${base}/${object.namePlural}/{id}/restore`] = {
      parameters: [ID_PARAMETER],
      post: operation({
        operationId: `restore${singular}`,
        summary: `Restore a ${object.labelSingular.toLowerCase()} from the trash`,
        tags,
        success: { status: 200, description: "The restored record.", schema: one },
        errors: [...AUTH_ERRORS, 403, 404, 409],
      }),
    };
  }
  if (view.canDestroy) {
    paths[`${base}/${object.namePlural}/{id}/destroy`] = {
      parameters: [ID_PARAMETER],
      delete: operation({
        operationId: `destroy${singular}`,
        summary: `Destroy a ${object.labelSingular.toLowerCase()} permanently (live or in the trash)`,
        tags,
        success: { status: 200, description: "The record as it was before destruction.", schema: one },
        errors: [...AUTH_ERRORS, 403, 404],
      }),
    };
  }
  return paths;
}

function objectSchemas(view: ObjectView): Record<string, JsonObject> {
  const name = pascal(view.object.nameSingular);
  const schemas: Record<string, JsonObject> = { [name]: jsonSchema(recordOutputSchema(view.object, view.visible), "output") };
  if (view.canCreate) schemas[`${name}Create`] = jsonSchema(recordInputSchema(view.creatable, "create"));
  if (view.editable.length > 0) schemas[`${name}Update`] = jsonSchema(recordInputSchema(view.editable, "update"));
  return schemas;
}

function permissionPaths(base: string): Record<string, JsonObject> {
  const checkShape = {
    ...objectCheckSchema.shape,
    action: z.union([objectCheckSchema.shape.action, actionCheckSchema.shape.action]).optional().describe("An object action (see, create, edit, delete, destroy; with `object`) or a workspace action (SEND_EMAIL, IMPORT_CSV, EXPORT_CSV)."),
    object: objectCheckSchema.shape.object.optional(),
    setting: settingCheckSchema.shape.setting.optional(),
  };
  return {
    [`${base}/me/permissions`]: {
      get: operation({
        operationId: "getMyPermissions",
        summary: "Effective permissions of the calling key, object by object and field by field, with the source of each value",
        tags: ["Permissions"],
        success: { status: 200, description: "The resolved permissions.", schema: jsonSchema(myPermissionsSchema, "output") },
        errors: AUTH_ERRORS,
      }),
    },
    [`${base}/me/check`]: {
      get: operation({
        operationId: "checkPermission",
        summary: "Is one thing allowed, and which rule decides? `?action=see&object=people&field=email`, `?setting=ROLES` or `?action=EXPORT_CSV`",
        tags: ["Permissions"],
        parameters: queryParameters(checkShape),
        success: { status: 200, description: "Allowed or denied, with the deciding rule.", schema: jsonSchema(explanationSchema, "output") },
        errors: [...AUTH_ERRORS, 422],
      }),
    },
    [`${base}/guardrails/check`]: {
      get: operation({
        operationId: "checkGuardrails",
        summary: "Every guardrail of the workspace (e.g. \"Intern must never See field Address on People\"), holding or broken, and why. The key's role needs the Roles settings permission",
        tags: ["Permissions"],
        success: { status: 200, description: "Each guardrail with the engine's verdict; `holds` is true when all hold.", schema: jsonSchema(guardrailsCheckSchema, "output") },
        errors: [...AUTH_ERRORS, 403],
      }),
    },
  };
}

function servicePaths(): Record<string, JsonObject> {
  return {
    "/api/health": {
      get: operation({
        operationId: "health",
        summary: "Liveness, without a key",
        tags: ["Service"],
        security: [],
        success: { status: 200, description: "The server answers.", schema: jsonSchema(z.object({ status: z.literal("ok") }), "output") },
        errors: [],
      }),
    },
    "/api/openapi.json": {
      get: operation({
        operationId: "openapi",
        summary: "This document. Without a key: the standard objects; with a key: its workspace, as its role sees it",
        tags: ["Service"],
        security: [{}, { bearerAuth: [] }],
        success: { status: 200, description: "An OpenAPI 3.1 document.", schema: { type: "object" } },
        errors: [401],
      }),
    },
  };
}

function isRecordObject(object: RecordObject | ObjectMetadataLike): object is RecordObject {
  return "fieldsByName" in object;
}

/** Accepts objects as lib/records describes them or as ObjectMetadata rows with their fields. */
export function buildOpenApiDocument(objects: readonly (RecordObject | ObjectMetadataLike)[], options: OpenApiOptions = {}): JsonObject {
  const base = "/api/rest";
  const views = objects
    .map((object) => (isRecordObject(object) ? object : toRecordObject(object)))
    .map((object) => viewOf(object, options.permissions))
    .filter((view): view is ObjectView => view !== null);

  const paths: Record<string, JsonObject> = {};
  const schemas: Record<string, JsonObject> = { Error: jsonSchema(errorBodySchema, "output"), PageInfo: jsonSchema(pageInfoSchema, "output") };
  for (const view of views) {
    Object.assign(paths, objectPaths(view, base));
    Object.assign(schemas, objectSchemas(view));
  }
  Object.assign(paths, permissionPaths(base), servicePaths());

  const responses = Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(([name, description]) => [
      name,
      {
        description,
        ...(name === "RateLimited" ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } } : {}),
        ...jsonContent(ref("Error")),
      },
    ]),
  );

  return {
    openapi: "3.1.0",
    info: {
      title: "Rolecall REST API",
      version: "1.0.0",
      description:
        "Records of the workspace, as the API key's role allows: hidden objects answer 403, hidden fields are absent, read-only fields are refused on write. Errors are `{ error: { code, message } }`.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ bearerAuth: [] }],
    tags: [...views.map((view) => ({ name: view.object.labelPlural })), { name: "Permissions" }, { name: "Service" }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key: Settings → API keys." } },
      schemas,
      responses,
    },
  };
}
