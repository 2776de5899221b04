/**
 * Export CSV (SPEC §2.6): the records of one object that the principal's list would show (same
 * filter, sort and search), with only the fields the role can see. Refused without the
 * EXPORT_CSV action. Every export is audited.
 */
import Papa from "papaparse";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { canAction } from "@/lib/permissions";
import { findRecordObject, listRecords, searchableFields, visibleFieldsOf, type RecordField, type RecordFilter, type RecordOrder, type VisibleRecord } from "@/lib/records";
import { actionForbidden, objectHidden } from "./errors";
import { CSV_BOM, FORMULA_PATTERN, inDisplayOrder } from "./format";
import { relatedLabels, type RelationLabels } from "./related-labels";

export const MAX_EXPORT_ROWS = 10_000;
const PAGE = 200;

export interface CsvExportOptions {
  readonly filter?: readonly RecordFilter[];
  readonly orderBy?: RecordOrder | null;
  readonly search?: string | null;
}

export interface CsvExport {
  readonly csv: string;
  readonly filename: string;
  readonly count: number;
  /** More records matched than MAX_EXPORT_ROWS; the file holds the first ones. */
  readonly truncated: boolean;
}

function cell(field: RecordField, value: unknown, labels: RelationLabels): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (field.type === "RELATION" && typeof value === "string") return labels[field.name]?.[value] ?? value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export async function exportRecordsCsv(db: Tx, principal: Principal, objectName: string, options: CsvExportOptions = {}, now = new Date()): Promise<CsvExport> {
  // The action first: a role without it learns nothing, not even which objects exist.
  if (!canAction(principal.permissions, "EXPORT_CSV")) throw actionForbidden("EXPORT_CSV");
  const object = await findRecordObject(db, principal.workspaceId, objectName);
  if (!object) throw objectHidden(objectName);
  const fields = inDisplayOrder(visibleFieldsOf(principal, object));

  const rows: (string | number | boolean)[][] = [];
  let cursor: string | null = null;
  let truncated = false;
  do {
    // lib/records refuses a hidden object, and a filter or sort on a hidden field, here.
    const page = await listRecords(db, principal, object.namePlural, { ...options, limit: PAGE, cursor });
    const records: VisibleRecord[] = page.records.slice(0, MAX_EXPORT_ROWS - rows.length);
    const labels = await relatedLabels(db, principal, fields, records);
    for (const record of records) rows.push(fields.map((field) => cell(field, record[field.name], labels)));
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    if (rows.length >= MAX_EXPORT_ROWS && (cursor || page.records.length > records.length)) truncated = true;
  } while (cursor && !truncated);

  const csv = Papa.unparse({ fields: fields.map((field) => field.label), data: rows }, { escapeFormulae: FORMULA_PATTERN, newline: "\r\n" });
  await writeAudit(db, principal, {
    action: "records.exported",
    targetType: object.nameSingular,
    targetLabel: object.labelPlural,
    after: {
      count: rows.length,
      truncated,
      fields: fields.map((field) => field.name),
      filter: options.filter ?? [],
      orderBy: options.orderBy ?? null,
      search: options.search ?? null,
      // What the search looked in: the log shows the term only to readers who see all of these.
      searchedFields: options.search ? searchableFields(principal, object).map((field) => field.name) : [],
    },
  });
  return { csv: CSV_BOM + csv, filename: `${object.namePlural}-${now.toISOString().slice(0, 10)}.csv`, count: rows.length, truncated };
}
