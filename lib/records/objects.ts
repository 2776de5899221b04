/**
 * Objects and fields as the records domain needs them: the engine key (`nameSingular`), the REST
 * segment (`namePlural`), and per field its type and parsed options. Always scoped by workspace.
 */
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import { FIELD_TYPES, STANDARD_OBJECTS, SYSTEM_FIELDS, type FieldType } from "@/lib/metadata/standard-objects";
import { OBJECT_METADATA_INCLUDE } from "@/lib/metadata/schema";
import { selectObjectWithFields } from "./sql";

export interface RecordField {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly isLabel: boolean;
  readonly isSystem: boolean;
  /** SELECT: the allowed values. */
  readonly selectValues?: readonly string[];
  /** RELATION: the target object's `nameSingular`. */
  readonly relationTarget?: string;
}

export interface RecordObject {
  readonly id: string;
  readonly nameSingular: string;
  readonly namePlural: string;
  readonly labelSingular: string;
  readonly labelPlural: string;
  readonly isCustom: boolean;
  /** Display order: system fields first, then the object's own. */
  readonly fields: readonly RecordField[];
  readonly fieldsByName: ReadonlyMap<string, RecordField>;
}

/** The FieldMetadata columns this module reads; Prisma rows and the standard definitions both fit. */
export interface FieldMetadataLike {
  name: string;
  label: string;
  type: string;
  options: string | null;
  isLabel: boolean;
  isSystem: boolean;
}

export interface ObjectMetadataLike {
  id: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  isCustom: boolean;
  fields: FieldMetadataLike[];
}

// Options are free-form JSON written by the seed or the data model editor: read defensively.
const fieldOptionsSchema = z
  .object({ values: z.array(z.string()).optional(), target: z.string().optional() })
  .catch({});

function parseOptions(raw: string | null) {
  if (!raw) return {};
  try {
    return fieldOptionsSchema.parse(JSON.parse(raw));
  } catch {
    return {};
  }
}

function toFieldType(type: string): FieldType {
  // An unknown type (a newer data model than this code) is handled as plain text.
  return (FIELD_TYPES as readonly string[]).includes(type) ? (type as FieldType) : "TEXT";
}

export function toRecordObject(row: ObjectMetadataLike): RecordObject {
  const fields = row.fields.map((field): RecordField => {
    const options = parseOptions(field.options);
    return {
      name: field.name,
      label: field.label,
      type: toFieldType(field.type),
      isLabel: field.isLabel,
      isSystem: field.isSystem,
      ...(options.values ? { selectValues: options.values } : {}),
      ...(options.target ? { relationTarget: options.target } : {}),
    };
  });
  return {
    id: row.id,
    nameSingular: row.nameSingular,
    namePlural: row.namePlural,
    labelSingular: row.labelSingular,
    labelPlural: row.labelPlural,
    isCustom: row.isCustom,
    fields,
    fieldsByName: new Map(fields.map((field) => [field.name, field])),
  };
}

/**
 * Objects by workspace, data-model version and name. The version is the stamp: every data-model
 * change bumps it in the same transaction, so an entry can only be read by a request that saw
 * the same data model. Bounded: a burst of versions or names clears it rather than growing it.
 */
const objectCache = new Map<string, RecordObject | null>();
const MAX_CACHED_OBJECTS = 1_000;

/**
 * One object of the workspace by its REST name (`people`) or, failing that, its engine key
 * (`person`), so REST routes and agent tools share one lookup. Null when there is none.
 * With the workspace's `metadataVersion` (read by the caller anyway), answered from memory.
 */
export async function findRecordObject(db: Tx, workspaceId: string, name: string, metadataVersion?: number): Promise<RecordObject | null> {
  const key = metadataVersion === undefined ? undefined : `${workspaceId}\u0000${metadataVersion}\u0000${name}`;
  if (key !== undefined && objectCache.has(key)) return objectCache.get(key) ?? null;
  const row = await selectObjectWithFields(db, workspaceId, name);
  const object = row ? toRecordObject(row) : null;
  if (key !== undefined) {
    if (objectCache.size >= MAX_CACHED_OBJECTS) objectCache.clear();
    objectCache.set(key, object);
  }
  return object;
}

/** Every object of the workspace, in display order. */
export async function listRecordObjects(db: Tx, workspaceId: string): Promise<RecordObject[]> {
  const rows = await db.objectMetadata.findMany({ where: { workspaceId }, orderBy: { position: "asc" }, include: OBJECT_METADATA_INCLUDE });
  return rows.map(toRecordObject);
}

/** The standard objects as a new workspace has them, without touching a database (public docs). */
export function standardRecordObjects(): RecordObject[] {
  return STANDARD_OBJECTS.map((object) =>
    toRecordObject({
      id: object.nameSingular,
      nameSingular: object.nameSingular,
      namePlural: object.namePlural,
      labelSingular: object.labelSingular,
      labelPlural: object.labelPlural,
      isCustom: false,
      fields: [...SYSTEM_FIELDS, ...object.fields].map((field) => ({
        name: field.name,
        label: field.label,
        type: field.type,
        options: field.options ? JSON.stringify(field.options) : null,
        isLabel: field.isLabel ?? false,
        isSystem: field.isSystem ?? false,
      })),
    }),
  );
}
