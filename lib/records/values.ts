/**
 * What a value of each field type may be, as zod schemas. The same schemas validate writes and
 * generate the OpenAPI document, so the documentation cannot drift from what the server accepts.
 */
import { z } from "zod";
import type { RecordField, RecordObject } from "./objects";

/** Generous for names and addresses, small enough that one record stays well under the 1 MB body cap. */
export const TEXT_MAX_LENGTH = 2_000;
export const RICH_TEXT_MAX_LENGTH = 100_000;
export const EMAIL_MAX_LENGTH = 254; // RFC 5321 path limit
export const PHONE_MAX_LENGTH = 40;
export const RELATION_ID_MAX_LENGTH = 100;

const PHONE_PATTERN = /^[0-9+()\-.\s]+$/;

/** The schema of one non-null value of `field`. */
export function fieldValueSchema(field: RecordField): z.ZodType {
  switch (field.type) {
    case "TEXT":
      return field.isLabel ? z.string().trim().min(1).max(TEXT_MAX_LENGTH) : z.string().max(TEXT_MAX_LENGTH);
    case "RICH_TEXT":
      return z.string().max(RICH_TEXT_MAX_LENGTH);
    case "EMAIL":
      return z.email().max(EMAIL_MAX_LENGTH);
    case "PHONE":
      return z.string().trim().min(1).max(PHONE_MAX_LENGTH).regex(PHONE_PATTERN, "Expected a phone number: digits, spaces and + ( ) - .");
    case "NUMBER":
    case "CURRENCY":
      return z.number();
    case "BOOLEAN":
      return z.boolean();
    case "DATE":
      return z.iso.date();
    case "DATE_TIME":
      // Stored in one canonical form (UTC, milliseconds) so that text comparison orders correctly.
      return z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
    case "SELECT":
      return field.selectValues && field.selectValues.length > 0 ? z.enum(field.selectValues as [string, ...string[]]) : z.string().max(TEXT_MAX_LENGTH);
    case "RELATION":
    case "MEMBER":
      return z.string().min(1).max(RELATION_ID_MAX_LENGTH);
    case "UUID":
      return z.string();
  }
}

/** A writable field accepts null (clears it), except the label: a record always has a name. */
function writeSchema(field: RecordField, mode: "create" | "update") {
  const value = fieldValueSchema(field);
  if (field.isLabel) return mode === "create" ? value : value.optional();
  return value.nullable().optional();
}

/**
 * The body of a create or update, restricted to `writableFields`. Strict: a key that is not a
 * writable field is an error, never silently dropped.
 */
export function recordInputSchema(writableFields: readonly RecordField[], mode: "create" | "update") {
  const shape: Record<string, z.ZodType> = {};
  for (const field of writableFields) {
    if (!field.isSystem) shape[field.name] = writeSchema(field, mode);
  }
  return z.strictObject(shape);
}

/** A record as the API returns it: every given field, null when empty, plus the trash date. */
export function recordOutputSchema(object: RecordObject, visibleFields: readonly RecordField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of visibleFields) {
    if (field.isSystem) {
      shape[field.name] = field.type === "DATE_TIME" ? z.iso.datetime() : z.string();
    } else {
      // Output is documented with the input constraints minus transforms.
      shape[field.name] = outputValueSchema(field).nullable();
    }
  }
  shape.deletedAt = z.iso.datetime().nullable().describe(`When the ${object.labelSingular.toLowerCase()} was moved to the trash; null when it is live.`);
  return z.object(shape);
}

function outputValueSchema(field: RecordField): z.ZodType {
  return field.type === "DATE_TIME" ? z.iso.datetime() : fieldValueSchema(field);
}
