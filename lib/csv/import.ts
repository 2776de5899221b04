/**
 * Import CSV (SPEC §2.6) into one object, all or nothing:
 *
 * 1. the IMPORT_CSV action, the object's visibility and the right to create records;
 * 2. the header: every column must name a field (by name or label) the role may write; a column
 *    of a hidden or read-only field refuses the whole file, naming the column, before any row is
 *    read. System columns (Id, Creation date, Last update — what an export contains) are ignored;
 * 3. every row goes through lib/records' `createRecordOf`, the same write path as the UI, the REST
 *    API and agent tools, inside ONE transaction (the caller's). Each refused row is reported (row number as in
 *    a spreadsheet, the header being row 1; field; error code) and, if any row is refused, the
 *    transaction is rolled back: nothing is written, no audit entry remains.
 */
import Papa from "papaparse";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { DomainError, domainErrors, isDomainError, type ActionError } from "@/lib/errors";
import { can, canAction, checkWrite } from "@/lib/permissions";
import { createRecordOf, findRecordObject, type RecordField, type RecordObject } from "@/lib/records";
import { actionForbidden, fileRejected, objectHidden } from "./errors";
import { CSV_BOM, headerKey, unescapeFormula } from "./format";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./limits";
import { resolveRelationValues, visibleRelationTarget, type RelationMatch } from "./related-labels";

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS };

/** A file with a systematic mistake would otherwise produce thousands of identical lines. */
export const MAX_REPORTED_PROBLEMS = 100;
/**
 * The options of the transaction a caller opens for an import: its timeout is far above
 * MAX_IMPORT_ROWS × the time of one row (only a stuck import reaches it), its wait that of any writer.
 */
export const CSV_IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 15_000 } as const;

export interface CsvImport {
  readonly imported: number;
  /** Columns present in the file but never written (system fields). */
  readonly ignoredColumns: string[];
}

interface Column {
  readonly index: number;
  readonly header: string;
  readonly field: RecordField;
}

type Params = Record<string, string | number>;

function problem(code: ActionError["code"], params: Params, field?: string): ActionError {
  return field === undefined ? { code, params } : { code, field, params };
}

/** Only string and number params cross to the browser. */
function plainParams(params: Record<string, unknown> | undefined): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params ?? {})) if (typeof value === "string" || typeof value === "number") out[key] = value;
  return out;
}

function assertMayImport(principal: Principal, object: RecordObject | null, objectName: string): asserts object is RecordObject {
  if (!canAction(principal.permissions, "IMPORT_CSV")) throw actionForbidden("IMPORT_CSV");
  if (!object || !can(principal.permissions, "see", object.nameSingular)) throw objectHidden(objectName);
  const check = checkWrite(principal.permissions, object.nameSingular, {}, "create");
  // With no field given, the engine answers about the object only (never UNKNOWN_FIELD).
  if (!check.ok) throw new DomainError("FORBIDDEN", { params: { object: object.namePlural, reason: check.code === "UNKNOWN_FIELD" ? "OBJECT_NOT_CREATABLE" : check.code } });
}

function parseCsv(text: string): { rows: string[][]; errors: Papa.ParseError[] } {
  const input = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  // Headers are handled here, not by papaparse (which would silently rename duplicates).
  const parsed = Papa.parse<string[]>(input, { header: false, skipEmptyLines: false });
  return { rows: parsed.data, errors: parsed.errors };
}

/** Maps the header row to fields; any column the role may not write refuses the whole file. */
async function mapColumns(db: Tx, principal: Principal, object: RecordObject, headers: readonly string[]) {
  const byKey = new Map<string, RecordField>();
  // Labels first, names second: a name always wins over another field's label.
  for (const field of object.fields) byKey.set(headerKey(field.label), field);
  for (const field of object.fields) byKey.set(headerKey(field.name), field);

  const columns: Column[] = [];
  const ignored: string[] = [];
  const problems: ActionError[] = [];
  const seen = new Map<string, string>();
  for (const [index, raw] of headers.entries()) {
    const header = raw.trim();
    const field = header === "" ? undefined : byKey.get(headerKey(header));
    if (!field) {
      problems.push(problem("UNKNOWN_FIELD", { column: header, reason: "UNKNOWN_COLUMN" }));
      continue;
    }
    if (field.isSystem) {
      ignored.push(header);
      continue;
    }
    // The engine decides: hidden and read-only fields are named, never dropped.
    const check = checkWrite(principal.permissions, object.nameSingular, { [field.name]: null }, "create");
    if (!check.ok) {
      problems.push(problem("FORBIDDEN", { column: header, field: field.name, object: object.namePlural, reason: check.code }, field.name));
      continue;
    }
    if (field.type === "RELATION" && !(await visibleRelationTarget(db, principal, field))) {
      problems.push(problem("FORBIDDEN", { column: header, field: field.name, object: object.namePlural, reason: "RELATION_TARGET_NOT_VISIBLE" }, field.name));
      continue;
    }
    const previous = seen.get(field.name);
    if (previous !== undefined) {
      problems.push(problem("VALIDATION_FAILED", { column: header, other: previous, reason: "DUPLICATE_COLUMN" }, field.name));
      continue;
    }
    seen.set(field.name, header);
    columns.push({ index, header, field });
  }
  const label = object.fields.find((field) => field.isLabel);
  if (label && problems.length === 0 && !seen.has(label.name)) {
    problems.push(problem("VALIDATION_FAILED", { column: label.label, reason: "MISSING_COLUMN" }, label.name));
  }
  return { columns, ignored, problems };
}

const TRUE_WORDS = new Set(["true", "yes", "1"]);
const FALSE_WORDS = new Set(["false", "no", "0"]);

/**
 * Text cell → the JSON value the write path expects. Anything unconvertible is passed on as
 * text so that lib/records' validation refuses it and names the field.
 */
function convert(field: RecordField, text: string): unknown {
  switch (field.type) {
    case "NUMBER":
    case "CURRENCY": {
      const value = Number(text);
      return Number.isFinite(value) ? value : text;
    }
    case "BOOLEAN": {
      const word = text.toLowerCase();
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : text;
    }
    default:
      return text;
  }
}

/**
 * The import use case, in the caller's transaction (opened with CSV_IMPORT_TRANSACTION): any
 * refused row throws, so the caller's transaction rolls every created row back.
 */
export async function importRecordsCsv(tx: Tx, principal: Principal, objectName: string, text: string): Promise<CsvImport> {
  const object = await findRecordObject(tx, principal.workspaceId, objectName);
  assertMayImport(principal, object, objectName);
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) throw fileRejected("FILE_TOO_LARGE", { limit: MAX_IMPORT_BYTES });

  const { rows, errors } = parseCsv(text);
  const [headers = [], ...body] = rows;
  // A row number as a spreadsheet shows it: the header is row 1. Blank lines keep their number.
  const dataRows = body.map((cells, index) => ({ row: index + 2, cells })).filter(({ cells }) => cells.some((value) => value.trim() !== ""));
  if (headers.every((header) => header.trim() === "") || dataRows.length === 0) throw fileRejected("EMPTY_FILE");
  if (dataRows.length > MAX_IMPORT_ROWS) throw fileRejected("TOO_MANY_ROWS", { limit: MAX_IMPORT_ROWS, count: dataRows.length });

  const { columns, ignored, problems: columnProblems } = await mapColumns(tx, principal, object, headers);
  if (columnProblems.length > 0) throw domainErrors(columnProblems);

  const problems: ActionError[] = [];
  for (const error of errors) {
    if (error.row !== undefined) problems.push(problem("VALIDATION_FAILED", { row: error.row + 1, reason: "CSV_SYNTAX", detail: error.code }));
  }

  // Relations: an id or the exact label of one record the principal can see.
  const relations = new Map<string, Map<string, RelationMatch>>();
  for (const column of columns) {
    const target = column.field.type === "RELATION" ? await visibleRelationTarget(tx, principal, column.field) : null;
    if (!target) continue;
    const values = dataRows.map(({ cells }) => unescapeFormula((cells[column.index] ?? "").trim()));
    relations.set(column.field.name, await resolveRelationValues(tx, principal, target, values));
  }

  const inputs: { row: number; values: Record<string, unknown> }[] = [];
  for (const { row, cells } of dataRows) {
    if (cells.length > headers.length && cells.slice(headers.length).some((value) => value.trim() !== "")) {
      problems.push(problem("VALIDATION_FAILED", { row, reason: "TOO_MANY_CELLS" }));
      continue;
    }
    const values: Record<string, unknown> = {};
    let ok = true;
    for (const column of columns) {
      const text = unescapeFormula((cells[column.index] ?? "").trim());
      if (text === "") continue; // an empty cell leaves the field empty
      const match = relations.get(column.field.name)?.get(text);
      if (match && "problem" in match) {
        problems.push(problem("VALIDATION_FAILED", { row, column: column.header, field: column.field.name, reason: match.problem, value: text.slice(0, 100) }, column.field.name));
        ok = false;
        continue;
      }
      values[column.field.name] = match ? match.id : convert(column.field, text);
    }
    if (ok) inputs.push({ row, values });
  }

  const headerOf = new Map(columns.map((column) => [column.field.name, column.header]));
  let created = 0;
  for (const { row, values } of inputs) {
    if (problems.length >= MAX_REPORTED_PROBLEMS) break;
    try {
      // lib/records' door, in the import's transaction: the write path of the UI, REST and agents.
      await createRecordOf(tx, principal, object, values);
      created += 1;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const field = error.details.field;
      const params: Params = { ...plainParams(error.details.params), row, ...(field && headerOf.has(field) ? { column: headerOf.get(field)! } : {}) };
      // An empty cell of a required field (the label) comes back from lib/records as reason REQUIRED.
      problems.push(problem(error.code, params, field));
    }
  }
  if (problems.length > 0) {
    // Thrown inside the caller's transaction: every row created above is rolled back.
    const shown = problems.sort((a, b) => Number(a.params?.row ?? 0) - Number(b.params?.row ?? 0)).slice(0, MAX_REPORTED_PROBLEMS);
    const more = problems.length >= MAX_REPORTED_PROBLEMS ? [problem("VALIDATION_FAILED", { reason: "MORE_PROBLEMS" })] : [];
    throw domainErrors([...shown, ...more]);
  }
  await writeAudit(tx, principal, {
    action: "records.imported",
    targetType: object.nameSingular,
    targetLabel: object.labelPlural,
    after: { count: created, columns: columns.map((column) => column.field.name), ignoredColumns: ignored },
  });
  return { imported: created, ignoredColumns: ignored };
}
