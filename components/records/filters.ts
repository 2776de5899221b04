/**
 * Which filter operators the list offers for each field type: a subset of what lib/records
 * accepts (it validates every operand again and names the field on a mistake).
 */
import type { FieldType } from "@/lib/metadata/standard-objects";
import type { FieldView, FilterOperator, ListFilter } from "./types";

/** `is:NULL` and `is:NOT_NULL` are shown as "is empty" / "is not empty" and take no value. */
export type OperatorChoice = Exclude<FilterOperator, "is" | "in"> | "is:NULL" | "is:NOT_NULL";

const TEXT: OperatorChoice[] = ["like", "eq", "neq", "is:NULL", "is:NOT_NULL"];
const ORDERED: OperatorChoice[] = ["eq", "neq", "gt", "gte", "lt", "lte", "is:NULL", "is:NOT_NULL"];
const CHOICE: OperatorChoice[] = ["eq", "neq", "is:NULL", "is:NOT_NULL"];

const BY_TYPE: Record<FieldType, OperatorChoice[]> = {
  TEXT,
  EMAIL: TEXT,
  PHONE: TEXT,
  RICH_TEXT: ["like", "is:NULL", "is:NOT_NULL"],
  SELECT: CHOICE,
  RELATION: CHOICE,
  MEMBER: CHOICE,
  UUID: ["eq", "neq"],
  NUMBER: ORDERED,
  CURRENCY: ORDERED,
  DATE: ORDERED,
  DATE_TIME: ORDERED,
  BOOLEAN: ["eq", "is:NULL", "is:NOT_NULL"],
};

export function operatorsFor(field: FieldView): OperatorChoice[] {
  return BY_TYPE[field.type];
}

export function needsValue(choice: OperatorChoice): boolean {
  return !choice.startsWith("is:");
}

export function toFilter(field: FieldView, choice: OperatorChoice, value: string): ListFilter {
  if (choice === "is:NULL" || choice === "is:NOT_NULL") return { field: field.name, op: "is", value: choice.slice(3) };
  return { field: field.name, op: choice, value };
}

export function choiceOf(filter: ListFilter): OperatorChoice {
  if (filter.op === "is") return filter.value === "NULL" ? "is:NULL" : "is:NOT_NULL";
  return filter.op === "in" ? "eq" : filter.op;
}

/** Fields offered for filtering and sorting: the visible ones (the id is not useful to people). */
export function filterableFields(fields: readonly FieldView[]): FieldView[] {
  return fields.filter((field) => field.name !== "id");
}
