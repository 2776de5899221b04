/**
 * Filters as clients write them (`{ field, op, value }`, values as text) → typed SQL conditions.
 * Each operand is checked against the field's type here, so a bad value is a 422 naming the
 * field rather than a query that silently matches nothing.
 */
import type { Principal } from "@/lib/access/principal";
import { RULE_VALUE_TYPE, type FieldType } from "@/lib/metadata/standard-objects";
import { requireVisibleField } from "./access";
import { invalidInput } from "./errors";
import type { RecordField, RecordObject } from "./objects";
import type { Operand, SqlCondition } from "./sql";

export const FILTER_OPERATORS = ["eq", "neq", "gt", "gte", "lt", "lte", "like", "in", "is"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface RecordFilter {
  readonly field: string;
  readonly op: FilterOperator;
  /** Text as in a URL; `in` takes values separated by `|`, `is` takes `NULL` or `NOT_NULL`. */
  readonly value: string;
}

export const MAX_FILTERS = 20;
export const MAX_IN_VALUES = 100;

type OperandKind = "text" | "number" | "boolean" | "date" | "datetime";

/**
 * How a filter compares a field: as the value kind record-level rules see it (one table in
 * lib/metadata), except that a member id compares as text and a date-time apart from a date.
 */
function operandKind(type: FieldType): OperandKind {
  if (type === "DATE_TIME") return "datetime";
  const kind = RULE_VALUE_TYPE[type];
  return kind === "member" ? "text" : kind;
}

/** Operators that mean something for each kind of value. */
const OPERATORS_BY_KIND: Record<OperandKind, ReadonlySet<FilterOperator>> = {
  text: new Set(FILTER_OPERATORS),
  number: new Set(["eq", "neq", "gt", "gte", "lt", "lte", "in", "is"]),
  date: new Set(["eq", "neq", "gt", "gte", "lt", "lte", "in", "is"]),
  datetime: new Set(["eq", "neq", "gt", "gte", "lt", "lte", "in", "is"]),
  boolean: new Set(["eq", "neq", "is"]),
};

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function parseOperand(field: RecordField, kind: OperandKind, raw: string): Operand {
  switch (kind) {
    case "number": {
      const value = raw.trim() === "" ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) throw invalidInput(field.name, "FILTER_NUMBER", { value: raw.slice(0, 50) });
      return value;
    }
    case "boolean":
      if (raw !== "true" && raw !== "false") throw invalidInput(field.name, "FILTER_BOOLEAN");
      return raw === "true";
    case "date":
      if (!DATE_PATTERN.test(raw)) throw invalidInput(field.name, "FILTER_DATE");
      return raw;
    case "datetime": {
      // A date alone means its midnight UTC, so `createdAt[gte]:2026-01-05` reads naturally.
      const date = new Date(DATE_PATTERN.test(raw) ? `${raw}T00:00:00Z` : raw);
      if (Number.isNaN(date.getTime())) throw invalidInput(field.name, "FILTER_DATE_TIME");
      return date;
    }
    case "text":
      return raw;
  }
}

function compileFilter(principal: Principal, object: RecordObject, filter: RecordFilter): SqlCondition {
  const field = requireVisibleField(principal, object, filter.field);
  const kind = operandKind(field.type);
  if (!OPERATORS_BY_KIND[kind].has(filter.op)) {
    throw invalidInput(field.name, "FILTER_OPERATOR_TYPE", { op: filter.op, type: field.type });
  }
  switch (filter.op) {
    case "is": {
      const value = filter.value.toUpperCase();
      if (value !== "NULL" && value !== "NOT_NULL") throw invalidInput(field.name, "FILTER_IS_VALUE");
      return { field, op: "is", value };
    }
    case "like":
      if (filter.value === "") throw invalidInput(field.name, "FILTER_LIKE_EMPTY");
      return { field, op: "like", value: filter.value };
    case "in": {
      const parts = filter.value.split("|");
      if (parts.length > MAX_IN_VALUES) throw invalidInput(field.name, "FILTER_TOO_MANY_VALUES", { max: MAX_IN_VALUES });
      return { field, op: "in", values: parts.map((part) => parseOperand(field, kind, part)) };
    }
    default:
      return { field, op: filter.op, value: parseOperand(field, kind, filter.value) };
  }
}

/** Every filter, checked: unknown field → 422, hidden field → 403 naming it, bad operand → 422. */
export function compileFilters(principal: Principal, object: RecordObject, filters: readonly RecordFilter[]): SqlCondition[] {
  if (filters.length > MAX_FILTERS) throw invalidInput("filter", "TOO_MANY_FILTERS", { max: MAX_FILTERS });
  return filters.map((filter) => compileFilter(principal, object, filter));
}
