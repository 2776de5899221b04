/**
 * Record-level rules (SPEC §13): which records of an object a role reaches. A rule is data
 * (JSON in the role); this module validates it against the schema, normalises it for one
 * principal into a predicate (Me replaced by the member's id), and evaluates that predicate in
 * memory. lib/records renders the *same* predicate as SQL, so the database and this evaluation
 * agree by construction (a property test checks it against SQLite).
 *
 * The in-memory semantics deliberately follow the databases': `contains` folds case by Unicode
 * rules (PostgreSQL's ILIKE, and on SQLite a folding function around LIKE), empty means absent or
 * "", `neq` keeps empty records, comparisons never cross value types.
 */
import type { RecordValueType } from "./types";

export const RECORD_RULE_OPERATORS = ["eq", "neq", "in", "contains", "gt", "lt", "isEmpty", "isNotEmpty"] as const;
export type RecordRuleOperator = (typeof RECORD_RULE_OPERATORS)[number];

/** Operators meaningful for each value type; the editor offers these and validation enforces them. */
export const OPERATORS_BY_VALUE_TYPE: Readonly<Record<RecordValueType, readonly RecordRuleOperator[]>> = {
  text: ["eq", "neq", "in", "contains", "isEmpty", "isNotEmpty"],
  number: ["eq", "neq", "in", "gt", "lt", "isEmpty", "isNotEmpty"],
  date: ["eq", "neq", "gt", "lt", "isEmpty", "isNotEmpty"],
  boolean: ["eq", "neq", "isEmpty", "isNotEmpty"],
  member: ["eq", "neq", "in", "isEmpty", "isNotEmpty"],
};

/** `{ me: true }`: the acting member (SPEC §13); matches nothing for API keys and agents. */
export interface MeValue {
  readonly me: true;
}
export type RecordScalar = string | number | boolean;
export type RecordConditionValue = RecordScalar | readonly (string | number)[] | MeValue | null;

export interface RecordCondition {
  readonly field: string;
  readonly operator: RecordRuleOperator;
  /** Absent for isEmpty / isNotEmpty; an array for `in`; `{ me: true }` only with eq/neq on a member field. */
  readonly value?: RecordConditionValue;
}

/**
 * `all` and `match` are what a role stores. `anyOf` exists only in resolved permissions: the
 * records several grants reach together (a role and permission sets, SPEC §17), never stored.
 */
export type StoredRecordRule =
  | { readonly mode: "all" }
  | { readonly mode: "match"; readonly join: "all" | "any"; readonly conditions: readonly RecordCondition[] };
export type RecordRule = StoredRecordRule | { readonly mode: "anyOf"; readonly rules: readonly StoredRecordRule[] };

export const ALL_RECORDS: RecordRule = Object.freeze({ mode: "all" });

export interface RecordPrincipal {
  /** The member's id; null for API keys and agents (Me matches nothing for them). */
  readonly memberId: string | null;
}

export const MAX_RECORD_CONDITIONS = 20;
export const MAX_IN_VALUES = 100;

export function isMeValue(value: unknown): value is MeValue {
  return typeof value === "object" && value !== null && !Array.isArray(value) && (value as { me?: unknown }).me === true;
}

// ---------------------------------------------------------------------------------------------
// Predicates: a rule for one principal, in the shape both evaluators (memory, SQL) read.
// ---------------------------------------------------------------------------------------------

export type RecordPredicate =
  | { readonly kind: "const"; readonly value: boolean }
  | { readonly kind: "and" | "or"; readonly parts: readonly RecordPredicate[] }
  | { readonly kind: "eq" | "neq" | "gt" | "lt"; readonly field: string; readonly value: RecordScalar }
  | { readonly kind: "in"; readonly field: string; readonly values: readonly (string | number)[] }
  | { readonly kind: "contains"; readonly field: string; readonly value: string }
  | { readonly kind: "isEmpty" | "isNotEmpty"; readonly field: string };

const TRUE: RecordPredicate = { kind: "const", value: true };
const FALSE: RecordPredicate = { kind: "const", value: false };

function conditionPredicate(condition: RecordCondition, principal: RecordPrincipal): RecordPredicate {
  const { field, operator, value } = condition;
  if (isMeValue(value)) {
    // Fail closed: without a member, any condition about Me is false (never "everyone but Me").
    if (principal.memberId === null) return FALSE;
    return operator === "neq" ? { kind: "neq", field, value: principal.memberId } : { kind: "eq", field, value: principal.memberId };
  }
  switch (operator) {
    case "isEmpty":
    case "isNotEmpty":
      return { kind: operator, field };
    case "in":
      return { kind: "in", field, values: Array.isArray(value) ? value : [] };
    case "contains":
      return typeof value === "string" ? { kind: "contains", field, value } : FALSE;
    default:
      // Validation guarantees a scalar; a malformed stored rule matches nothing rather than everything.
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? { kind: operator, field, value } : FALSE;
  }
}

/** The rule as a predicate for `principal`; `{ const: true }` for "all records". */
export function recordRulePredicate(rule: RecordRule | null | undefined, principal: RecordPrincipal): RecordPredicate {
  if (!rule || rule.mode === "all") return TRUE;
  if (rule.mode === "anyOf") return { kind: "or", parts: rule.rules.map((part) => recordRulePredicate(part, principal)) };
  const parts = rule.conditions.map((condition) => conditionPredicate(condition, principal));
  // No condition at all: "all of none" is everything, "any of none" is nothing (as in logic and SQL).
  return { kind: rule.join === "any" ? "or" : "and", parts };
}

// ---------------------------------------------------------------------------------------------
// In-memory evaluation.
// ---------------------------------------------------------------------------------------------

type RecordLike = Readonly<Record<string, unknown>>;

function read(record: RecordLike, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, field) ? (record[field] ?? null) : null;
}

/** As SQLite's json_extract hands values to comparisons: booleans become 1/0. */
function sqlValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" || typeof value === "number") return value;
  return null; // objects/arrays are never stored by the records domain; treat as no comparable value
}

const foldCase = (text: string) => text.toLowerCase();

/** SQLite's ordering between one stored value and one operand of the same storage class. */
function compare(left: string | number, right: string | number): number | null {
  if (typeof left !== typeof right) return null; // numbers sort before text in SQLite: never "greater"
  if (typeof left === "number") return left - (right as number);
  // BINARY collation compares UTF-8 bytes; for the ASCII dates and texts used here code units agree.
  return left < (right as string) ? -1 : left > (right as string) ? 1 : 0;
}

export function evaluatePredicate(predicate: RecordPredicate, record: RecordLike): boolean {
  switch (predicate.kind) {
    case "const":
      return predicate.value;
    case "and":
      return predicate.parts.every((part) => evaluatePredicate(part, record));
    case "or":
      return predicate.parts.some((part) => evaluatePredicate(part, record));
    case "isEmpty": {
      const value = sqlValue(read(record, predicate.field));
      return value === null || value === "";
    }
    case "isNotEmpty": {
      const value = sqlValue(read(record, predicate.field));
      return value !== null && value !== "";
    }
    case "contains": {
      const value = sqlValue(read(record, predicate.field));
      return typeof value === "string" && foldCase(value).includes(foldCase(predicate.value));
    }
    case "in": {
      const value = sqlValue(read(record, predicate.field));
      return value !== null && predicate.values.some((candidate) => compare(value, candidate) === 0);
    }
    default: {
      const value = sqlValue(read(record, predicate.field));
      const operand = sqlValue(predicate.value) as string | number;
      if (predicate.kind === "neq") return value === null || compare(value, operand) !== 0;
      if (value === null) return false;
      const order = compare(value, operand);
      // Different storage classes: SQLite orders every number before every text.
      if (order === null) return predicate.kind === "gt" ? typeof value === "string" : predicate.kind === "lt" ? typeof value === "number" : false;
      return predicate.kind === "eq" ? order === 0 : predicate.kind === "gt" ? order > 0 : order < 0;
    }
  }
}

/** Does `record` (field name → stored value) fall inside `rule` for `principal`? */
export function matchesRecordRule(rule: RecordRule | null | undefined, record: RecordLike, principal: RecordPrincipal): boolean {
  return evaluatePredicate(recordRulePredicate(rule, principal), record);
}

const OPERATOR_WORDS: Record<RecordRuleOperator, string> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  contains: "contains",
  gt: "is greater than",
  lt: "is less than",
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
};

/** One English line naming a rule's conditions (APIs and logs; the UI translates its own). */
export function describeRecordRule(rule: RecordRule): string {
  if (rule.mode === "all") return "All records";
  if (rule.mode === "anyOf") return rule.rules.map((part) => `(${describeRecordRule(part)})`).join(" or ");
  const parts = rule.conditions.map((condition) => {
    const { value } = condition;
    const shown = value === undefined || value === null ? "" : isMeValue(value) ? " Me" : ` ${JSON.stringify(value)}`;
    return `${condition.field} ${OPERATOR_WORDS[condition.operator] ?? condition.operator}${shown}`;
  });
  return parts.join(rule.join === "any" ? " or " : " and ");
}

/** Fields a rule reads, so callers can load exactly what evaluating it needs. */
export function recordRuleFields(rule: RecordRule | null | undefined): string[] {
  if (!rule || rule.mode === "all") return [];
  if (rule.mode === "anyOf") return [...new Set(rule.rules.flatMap((part) => recordRuleFields(part)))];
  return [...new Set(rule.conditions.map((condition) => condition.field))];
}
