/** The parts of an OpenAPI 3.1 document the reference page renders. */
export interface SchemaObject {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  $ref?: string;
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  readOnly?: boolean;
  description?: string;
  minimum?: number;
  maximum?: number;
}

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { description?: string; $ref?: string }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject>; responses?: Record<string, { description?: string }> };
}

export const HTTP_METHODS = ["get", "post", "patch", "put", "delete"] as const;

export function refName(ref: string | undefined) {
  return ref?.split("/").at(-1) ?? "";
}

/** A compact type label: `string (date)`, `"NEW" | "WON"`, `Person[]`, `integer`. */
export function typeLabel(schema: SchemaObject | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.type === "array") return `${typeLabel(schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}
