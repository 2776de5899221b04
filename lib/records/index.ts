/**
 * The records domain: one function per use case, each taking `(tx, principal, …)`. Every read
 * and write asks the permission engine; every write writes its audit entry in the transaction
 * its caller opened (a server action, a REST handler, an agent tool, a CSV import).
 */
export { listRecords, listTrash, searchableFields, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_SEARCH_LENGTH, type ListRecordsOptions, type RecordPage } from "./list";
export { getRecord } from "./get";
export { createRecord, createRecordOf } from "./create";
export { updateRecord } from "./update";
export { softDeleteRecord } from "./soft-delete";
export { restoreRecord } from "./restore";
export { destroyRecord } from "./destroy";
export { FILTER_OPERATORS, type FilterOperator, type RecordFilter } from "./filters";
export { parseListText, type RecordOrder } from "./list-syntax";
export { findRecordObject, listRecordObjects, standardRecordObjects, toRecordObject, type RecordField, type RecordObject } from "./objects";
export { creatableFieldsOf, editableFieldsOf, visibleFieldsOf } from "./access";
export { recordInputSchema, recordOutputSchema } from "./values";
export type { VisibleRecord } from "./serialize";
export type { ForbiddenReason } from "./errors";
