/**
 * What the records UI receives about an object: only the fields the role can see, each with
 * whether the role may change it, and which actions to offer. Built on the server from the
 * permission engine (lib/records/object-view.ts); the server re-checks every action.
 */
import type { FieldType } from "@/lib/metadata/standard-objects";

export interface FieldView {
  name: string;
  label: string;
  type: FieldType;
  isLabel: boolean;
  isSystem: boolean;
  /** The role may change this field on an existing record. */
  editable: boolean;
  /** The role may give this field a value when it creates a record (SPEC §13: create ≠ edit). */
  creatable: boolean;
  selectValues?: string[];
  /** RELATION: the target's URL segment (`companies`) when the role can see it, else null. */
  relationTarget?: string | null;
}

export interface ObjectCapabilities {
  create: boolean;
  /** At least one field can be changed on an existing record. */
  update: boolean;
  delete: boolean;
  destroy: boolean;
  exportCsv: boolean;
  importCsv: boolean;
  sendEmail: boolean;
}

export interface ObjectView {
  namePlural: string;
  nameSingular: string;
  labelSingular: string;
  labelPlural: string;
  /** Visible fields only, in display order. */
  fields: FieldView[];
  labelField: string | null;
  can: ObjectCapabilities;
}

export type RecordValues = Record<string, unknown>;

/** field name → related record id → label. */
export type RelationLabels = Record<string, Record<string, string>>;

export type FilterOperator = "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "like" | "in" | "is";

export interface ListFilter {
  field: string;
  op: FilterOperator;
  value: string;
}

export interface ListSort {
  field: string;
  direction: "asc" | "desc";
}

export interface ListQuery {
  filter: ListFilter[];
  orderBy: ListSort | null;
  search: string;
}

export interface RecordsPage {
  records: RecordValues[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  labels: RelationLabels;
}

export interface RelationOption {
  id: string;
  label: string;
}
