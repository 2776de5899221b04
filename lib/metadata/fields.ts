/**
 * Custom fields (Settings → Data model). A new field is a FieldMetadata row; records keep their
 * values in JSON, so no migration runs. Adding one bumps `Workspace.metadataVersion` in the same
 * transaction, so every cached resolved permission is rebuilt with the field in it.
 *
 * The form imports the types, key rule and input schema from here too, so this module has no
 * runtime import of Prisma or other server-only code.
 */
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { authorityFor } from "@/lib/access/authority";
import { ensureRecordIndex } from "@/lib/records/indexes";
import { lockAdministration } from "@/lib/workspace/administration-lock";

/** The types a custom field may have: simple values the records domain validates and sorts. */
export const CUSTOM_FIELD_TYPES = ["TEXT", "NUMBER", "DATE", "BOOLEAN", "SELECT"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/**
 * Keys a field can never take: record columns (id, timestamps, trash date) and names that
 * collide with JavaScript object internals when record data is read as a plain object.
 */
export const RESERVED_FIELD_NAMES = ["id", "createdAt", "updatedAt", "deletedAt", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

export const FIELD_LABEL_MAX_LENGTH = 100;
export const FIELD_NAME_MAX_LENGTH = 63;
export const SELECT_OPTION_MAX_LENGTH = 100;
export const SELECT_OPTIONS_MAX = 50;

const FIELD_NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;

/** "Customer tier" → "customerTier"; accents dropped; other scripts give "" (a key is typed then). */
export function fieldKeyFromLabel(label: string): string {
  const words = label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const key = words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase()))
    .join("");
  // A key starts with a letter: "2nd phone" → "field2ndPhone".
  return (/^[0-9]/.test(key) ? `field${key}` : key).slice(0, FIELD_NAME_MAX_LENGTH);
}

export const customFieldInput = z
  .object({
    objectId: z.string().min(1).max(100),
    label: z.string().trim().min(1).max(FIELD_LABEL_MAX_LENGTH),
    /** Optional: derived from the label when empty. */
    name: z.string().trim().max(FIELD_NAME_MAX_LENGTH).default(""),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string().trim().min(1).max(SELECT_OPTION_MAX_LENGTH)).max(SELECT_OPTIONS_MAX).default([]),
  })
  .superRefine((input, context) => {
    if (input.type !== "SELECT") return;
    if (input.options.length === 0) context.addIssue({ code: "custom", path: ["options"], message: "A select needs at least one option" });
    if (new Set(input.options).size !== input.options.length) context.addIssue({ code: "custom", path: ["options"], message: "Options must be unique" });
  });

export type CustomFieldInput = z.infer<typeof customFieldInput>;

/** Prisma's unique-constraint error (P2002), recognised without importing Prisma's runtime. */
function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** The key a field will get, or the error that refuses it (before looking at existing fields). */
export function checkFieldName(input: Pick<CustomFieldInput, "name" | "label">): string {
  const name = input.name || fieldKeyFromLabel(input.label);
  if (!FIELD_NAME_PATTERN.test(name)) throw new DomainError("VALIDATION_FAILED", { field: "name" });
  if (RESERVED_FIELD_NAMES.some((reserved) => reserved.toLowerCase() === name.toLowerCase())) throw new DomainError("FIELD_NAME_RESERVED", { field: "name" });
  return name;
}

/** Adds a custom field to an object (SPEC §2.4), in the caller's transaction, with its audit entry. */
export async function addCustomField(tx: Tx, actor: Principal, input: CustomFieldInput) {
  const name = checkFieldName(input);
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "DATA_MODEL");
  const object = await tx.objectMetadata.findFirst({ where: { id: input.objectId, workspaceId: actor.workspaceId }, include: { fields: true } });
  if (!object) throw new DomainError("NOT_FOUND", { field: "objectId" });
  // Case-insensitive: "email" and "Email" side by side would be a trap in filters and exports.
  if (object.fields.some((field) => field.name.toLowerCase() === name.toLowerCase())) throw new DomainError("FIELD_NAME_TAKEN", { field: "name" });

  // After the object's own fields, before the trailing timestamps (createdAt, updatedAt).
  const own = object.fields.filter((field) => !field.isSystem || field.name === "id");
  const position = Math.max(...own.map((field) => field.position)) + 1;
  await tx.fieldMetadata.updateMany({ where: { objectMetadataId: object.id, position: { gte: position } }, data: { position: { increment: 1 } } });
  const options = input.type === "SELECT" ? { values: input.options } : null;
  const field = await tx.fieldMetadata
    .create({
      data: {
        objectMetadataId: object.id,
        name,
        label: input.label,
        type: input.type,
        options: options ? JSON.stringify(options) : null,
        isCustom: true,
        position,
      },
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new DomainError("FIELD_NAME_TAKEN", { field: "name" }) : error;
    });
  // Filters and sorts on the new field are index scans from its first record on.
  await ensureRecordIndex(tx, field);
  await tx.workspace.update({ where: { id: actor.workspaceId }, data: { metadataVersion: { increment: 1 } } });
  await writeAudit(tx, actor, {
    action: "field.created",
    targetType: "field",
    targetId: field.id,
    targetLabel: `${object.labelSingular}: ${field.label}`,
    after: { object: object.nameSingular, name, label: field.label, type: field.type, ...(options ? { options: options.values } : {}) },
  });
  return { id: field.id, name, label: field.label, objectLabel: object.labelPlural };
}
