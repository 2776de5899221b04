import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { matchableFieldsOf, recordScope, requireVisibleField, resolveVisibleObject } from "./access";
import { decodeCursor, encodeCursor } from "./cursor";
import { invalidInput } from "./errors";
import { compileFilters, type RecordFilter } from "./filters";
import type { RecordOrder } from "./list-syntax";
import type { RecordField, RecordObject } from "./objects";
import { toVisibleRecords, type VisibleRecord } from "./serialize";
import { SEARCHABLE_TYPES } from "./search-index";
import { selectRecordPage, type TrashScope } from "./sql";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_SEARCH_LENGTH = 200;
/** Oldest first: creation order is stable, and indexed. */
export const DEFAULT_ORDER: RecordOrder = { field: "createdAt", direction: "asc" };


export interface ListRecordsOptions {
  readonly filter?: readonly RecordFilter[];
  readonly orderBy?: RecordOrder | null;
  readonly limit?: number;
  readonly cursor?: string | null;
  /** Case-insensitive "contains" over the text fields the principal can see. */
  readonly search?: string | null;
  /** Live and trashed records together. */
  readonly includeDeleted?: boolean;
}

export interface RecordPage {
  readonly records: VisibleRecord[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/** Live records of an object (and trashed ones with includeDeleted), as the principal may see them. */
export async function listRecords(db: Tx, principal: Principal, objectName: string, options: ListRecordsOptions = {}): Promise<RecordPage> {
  const object = await resolveVisibleObject(db, principal, objectName);
  return queryPage(db, principal, object, options, options.includeDeleted ? "include" : "exclude");
}

/** The trash of an object: soft-deleted records, which roles that may delete can restore. */
export async function listTrash(db: Tx, principal: Principal, objectName: string, options: Omit<ListRecordsOptions, "includeDeleted"> = {}): Promise<RecordPage> {
  const object = await resolveVisibleObject(db, principal, objectName);
  return queryPage(db, principal, object, options, "only");
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidInput("limit", "LIMIT_RANGE", { max: MAX_PAGE_SIZE });
  }
  return limit;
}

function searchTerm(search: string | null | undefined): string | undefined {
  if (search === undefined || search === null || search.trim() === "") return undefined;
  if (search.length > MAX_SEARCH_LENGTH) throw invalidInput("search", "SEARCH_TOO_LONG", { max: MAX_SEARCH_LENGTH });
  return search.trim();
}

/** The fields a search by the principal looks in: the text fields it can see. */
export function searchableFields(principal: Principal, object: RecordObject): RecordField[] {
  return matchableFieldsOf(principal, object).filter((field) => SEARCHABLE_TYPES.has(field.type));
}

/** A data-field sort's cursor carries the creation date that breaks ties (older cursors did not). */
function cursorPosition(cursor: string, sortKey: string, sortField: RecordField) {
  const position = decodeCursor(cursor, sortKey);
  if (!sortField.isSystem && position.at === undefined) throw invalidInput("cursor", "CURSOR_INVALID");
  return position;
}

async function queryPage(db: Tx, principal: Principal, object: RecordObject, options: ListRecordsOptions, trash: TrashScope): Promise<RecordPage> {
  const limit = pageSize(options.limit);
  const order = options.orderBy ?? DEFAULT_ORDER;
  const sortField = requireVisibleField(principal, object, order.field);
  const sortKey = `${sortField.name}:${order.direction}`;
  const conditions = compileFilters(principal, object, options.filter ?? []);
  const term = searchTerm(options.search);

  const rows = await selectRecordPage(db, {
    workspaceId: principal.workspaceId,
    objectId: object.id,
    trash,
    // In the WHERE clause, not filtered afterwards: pages, cursors and counts stay exact.
    scope: recordScope(principal, object),
    conditions,
    ...(term === undefined ? {} : { search: { fields: searchableFields(principal, object), term } }),
    sort: { field: sortField, direction: order.direction },
    ...(options.cursor ? { after: cursorPosition(options.cursor, sortKey, sortField) } : {}),
    limit: limit + 1,
  });

  const hasNextPage = rows.length > limit;
  const page = hasNextPage ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    records: toVisibleRecords(principal, object, page),
    pageInfo: {
      endCursor: last ? encodeCursor(sortKey, { value: last.sortValue, id: last.id, ...(last.tieValue === undefined ? {} : { at: last.tieValue }) }) : null,
      hasNextPage,
    },
  };
}
