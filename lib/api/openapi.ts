/**
 * The OpenAPI 3.1 document of the REST API, derived from the route table (./routes.ts): each
 * entry's operation, its zod query schema (parameters) and answer schema, and for the records
 * routes one operation per object with record bodies from field metadata. Given a role's
 * permissions, it describes only what that role may see and do.
 */
import { z } from "zod";
import { objectCapabilities, type EffectivePermissions } from "@/lib/permissions";
import { recordInputSchema, recordOutputSchema, toRecordObject, type RecordField, type RecordObject } from "@/lib/records";
import type { ObjectMetadataLike } from "@/lib/records/objects";
import { errorBodySchema, pageInfoSchema } from "./response-schemas";
import type { ApiRoute, DocumentedObject, OperationDoc } from "./route";

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

function operation(spec: OperationDoc, schema: JsonObject | undefined): JsonObject {
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.requestBody ? { requestBody: { required: true, ...jsonContent(spec.requestBody) } } : {}),
    ...(spec.security ? { security: spec.security } : {}),
    responses: { [String(spec.success.status ?? 200)]: { description: spec.success.description, ...jsonContent(spec.success.schema ?? schema ?? {}) }, ...errorResponses(spec.errors) },
  };
}

function pascal(name: string): string {
  return name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, char: string) => char.toUpperCase());
}

/** Path parameters besides `:object` (which each object's name replaces), documented once per path. */
const PATH_PARAMETERS: Record<string, JsonObject> = {
  id: { name: "id", in: "path", required: true, schema: { type: "string" }, description: "The record's id." },
};

interface ObjectView {
  object: RecordObject;
  visible: RecordField[];
  creatable: RecordField[];
  editable: RecordField[];
  documented: DocumentedObject;
}

function viewOf(object: RecordObject, permissions: EffectivePermissions | undefined): ObjectView | null {
  const names = { name: object.namePlural, singular: pascal(object.nameSingular), plural: pascal(object.namePlural), labelSingular: object.labelSingular, labelPlural: object.labelPlural };
  if (!permissions) {
    // Without a role, the document describes everything (system fields stay read-only).
    const writable = object.fields.filter((field) => !field.isSystem);
    return { object, visible: [...object.fields], creatable: writable, editable: writable, documented: { ...names, canCreate: true, canEdit: true, canDelete: true, canDestroy: true } };
  }
  const capabilities = objectCapabilities(permissions, object);
  if (!capabilities.see) return null;
  const among = (names: readonly string[]) => object.fields.filter((field) => names.includes(field.name));
  const editable = among(capabilities.editableFields);
  return {
    object,
    visible: among(capabilities.visibleFields),
    creatable: among(capabilities.creatableFields),
    editable,
    documented: { ...names, canCreate: capabilities.create, canEdit: editable.length > 0, canDelete: capabilities.delete, canDestroy: capabilities.destroy },
  };
}

/** `/api/rest/:object/:id` → `/api/rest/people/{id}` and the path's documented parameters. */
function documentedPath(path: string, objectName?: string): { path: string; parameters: JsonObject[] } {
  const parameters: JsonObject[] = [];
  const documented = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (name === "object" && objectName !== undefined) return objectName;
    const parameter = PATH_PARAMETERS[name];
    if (parameter) parameters.push(parameter);
    return `{${name}}`;
  });
  return { path: documented, parameters };
}

function addOperation(paths: Record<string, JsonObject>, route: ApiRoute, doc: OperationDoc, objectName?: string) {
  const { path, parameters } = documentedPath(route.path, objectName);
  const item = (paths[path] ??= parameters.length ? { parameters } : {});
  const query = route.auth === "key" && route.query ? queryParameters(route.query.shape as Record<string, z.ZodType>) : [];
  const response = route.response === undefined ? undefined : "_zod" in route.response ? jsonSchema(route.response as z.ZodType, "output") : route.response;
  const methods = typeof route.method === "string" ? [route.method] : route.method;
  for (const method of methods) item[method.toLowerCase()] = operation({ ...doc, ...(query.length ? { parameters: query } : {}) }, response);
}

/** The operations of each object's records routes, as the role may use them. */
function objectPaths(routes: readonly ApiRoute[], view: ObjectView, paths: Record<string, JsonObject>) {
  for (const route of routes) {
    if (typeof route.doc !== "function") continue;
    const doc = route.doc(view.documented);
    if (doc) addOperation(paths, route, doc, view.object.namePlural);
  }
}

function objectSchemas(view: ObjectView): Record<string, JsonObject> {
  const name = view.documented.singular;
  const schemas: Record<string, JsonObject> = { [name]: jsonSchema(recordOutputSchema(view.object, view.visible), "output") };
  if (view.documented.canCreate) schemas[`${name}Create`] = jsonSchema(recordInputSchema(view.creatable, "create"));
  if (view.editable.length > 0) schemas[`${name}Update`] = jsonSchema(recordInputSchema(view.editable, "update"));
  return schemas;
}

/** The fixed operations (permissions, service), in the table's order. */
function fixedPaths(routes: readonly ApiRoute[], paths: Record<string, JsonObject>) {
  for (const route of routes) if (route.doc && typeof route.doc !== "function") addOperation(paths, route, route.doc);
}

function isRecordObject(object: RecordObject | ObjectMetadataLike): object is RecordObject {
  return "fieldsByName" in object;
}

/**
 * The document of `routes` (the route table, lib/api/routes.ts: `openApiDocument` passes it).
 * Accepts objects as lib/records describes them or as ObjectMetadata rows with their fields.
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[], objects: readonly (RecordObject | ObjectMetadataLike)[], options: OpenApiOptions = {}): JsonObject {
  const views = objects
    .map((object) => (isRecordObject(object) ? object : toRecordObject(object)))
    .map((object) => viewOf(object, options.permissions))
    .filter((view): view is ObjectView => view !== null);

  const paths: Record<string, JsonObject> = {};
  const schemas: Record<string, JsonObject> = { Error: jsonSchema(errorBodySchema, "output"), PageInfo: jsonSchema(pageInfoSchema, "output") };
  for (const view of views) {
    objectPaths(routes, view, paths);
    Object.assign(schemas, objectSchemas(view));
  }
  fixedPaths(routes, paths);

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
