/**
 * The text syntax of list parameters (SPEC §9), shared by the REST API and agent tools:
 *   filter  = condition ("," condition)*      condition = field "[" op "]:" value
 *   orderBy = field [":asc" | ":desc"]
 * A comma starts a new condition only when `field[op]:` follows it, so values may contain commas
 * (`address[like]:Rue de Rivoli, Paris`).
 */
import { invalidInput } from "./errors";
import { FILTER_OPERATORS, type FilterOperator, type RecordFilter } from "./filters";
import type { SortDirection } from "./sql";

const CONDITION = /^([A-Za-z_][A-Za-z0-9_]*)\[([A-Za-z_]+)\]:(.*)$/s;
const CONDITION_START = /,(?=[A-Za-z_][A-Za-z0-9_]*\[[A-Za-z_]+\]:)/;
const ORDER_BY = /^([A-Za-z_][A-Za-z0-9_]*)(?::(asc|desc))?$/i;

function isOperator(op: string): op is FilterOperator {
  return (FILTER_OPERATORS as readonly string[]).includes(op);
}

export function parseFilterSyntax(text: string): RecordFilter[] {
  if (text.trim() === "") return [];
  return text.split(CONDITION_START).map((part) => {
    const match = CONDITION.exec(part);
    if (!match) throw invalidInput("filter", "FILTER_SYNTAX", { value: part.slice(0, 80) });
    const [, field, op, value] = match;
    const operator = op.toLowerCase();
    if (!isOperator(operator)) throw invalidInput("filter", "FILTER_UNKNOWN_OPERATOR", { op, operators: FILTER_OPERATORS.join(", ") });
    return { field, op: operator, value };
  });
}

export interface RecordOrder {
  readonly field: string;
  readonly direction: SortDirection;
}

export function parseOrderBySyntax(text: string): RecordOrder {
  const match = ORDER_BY.exec(text.trim());
  if (!match) throw invalidInput("orderBy", "ORDER_BY_SYNTAX", { value: text.slice(0, 80) });
  return { field: match[1], direction: (match[2]?.toLowerCase() ?? "asc") as SortDirection };
}

/**
 * The filter and sort of a list request in their text form (REST query, agent tool arguments),
 * parsed once for every channel; absent text means no filter and the default order.
 */
export function parseListText(text: { readonly filter?: string | null; readonly orderBy?: string | null }): { filter: RecordFilter[]; orderBy: RecordOrder | null } {
  return {
    filter: text.filter ? parseFilterSyntax(text.filter) : [],
    orderBy: text.orderBy ? parseOrderBySyntax(text.orderBy) : null,
  };
}
