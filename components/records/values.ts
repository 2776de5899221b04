/**
 * Record values ↔ the text of form controls. Pure, so the same rules serve the record page and
 * the create dialog (and are unit-tested). A value that cannot be converted is sent as typed, so
 * that the server's validation refuses it and names the field.
 */
import type { FieldView, RecordValues } from "./types";

export type Draft = Record<string, string>;

/** The text a control shows for a stored value. DATE_TIME controls work in UTC, like the app. */
export function toInputText(field: FieldView, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (field.type) {
    case "BOOLEAN":
      return value === true ? "true" : value === false ? "false" : String(value);
    case "DATE_TIME": {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 16);
    }
    default:
      return typeof value === "string" ? value : String(value);
  }
}

/** The value to send for a control's text; "" clears the field (null). */
export function fromInputText(field: FieldView, text: string): unknown {
  const trimmed = field.type === "RICH_TEXT" ? text : text.trim();
  if (trimmed === "") return null;
  switch (field.type) {
    case "NUMBER":
    case "CURRENCY": {
      const value = Number(trimmed);
      return Number.isFinite(value) ? value : trimmed;
    }
    case "BOOLEAN":
      return trimmed === "true" ? true : trimmed === "false" ? false : trimmed;
    case "DATE_TIME":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(trimmed) ? `${trimmed}:00.000Z` : trimmed;
    default:
      return trimmed;
  }
}

export function draftOf(fields: readonly FieldView[], record: RecordValues): Draft {
  return Object.fromEntries(fields.map((field) => [field.name, toInputText(field, record[field.name])]));
}

/** Only the changed, editable fields: a patch never carries a read-only or hidden field. */
export function patchOf(fields: readonly FieldView[], initial: Draft, draft: Draft): RecordValues {
  const patch: RecordValues = {};
  for (const field of fields) {
    if (!field.editable || draft[field.name] === undefined || draft[field.name] === initial[field.name]) continue;
    patch[field.name] = fromInputText(field, draft[field.name]);
  }
  return patch;
}

/** The values of a new record: editable fields with a value (empty ones are left out). */
export function createValuesOf(fields: readonly FieldView[], draft: Draft): RecordValues {
  const values: RecordValues = {};
  for (const field of fields) {
    if (!field.editable) continue;
    const value = fromInputText(field, draft[field.name] ?? "");
    if (value !== null) values[field.name] = value;
  }
  return values;
}
