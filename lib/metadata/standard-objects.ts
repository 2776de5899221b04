/**
 * The standard objects every workspace starts with (SPEC §10). The seed writes them
 * as ObjectMetadata/FieldMetadata rows; afterwards the database is the source of truth.
 */
export type FieldType =
  | "UUID"
  | "TEXT"
  | "EMAIL"
  | "PHONE"
  | "NUMBER"
  | "CURRENCY"
  | "DATE"
  | "DATE_TIME"
  | "SELECT"
  | "RELATION"
  /** SPEC §13: points to a workspace member (its WorkspaceMember id); `Me` applies to it. */
  | "MEMBER"
  | "RICH_TEXT"
  | "BOOLEAN";

export const FIELD_TYPES: readonly FieldType[] = [
  "UUID",
  "TEXT",
  "EMAIL",
  "PHONE",
  "NUMBER",
  "CURRENCY",
  "DATE",
  "DATE_TIME",
  "SELECT",
  "RELATION",
  "MEMBER",
  "RICH_TEXT",
  "BOOLEAN",
];

export interface StandardField {
  name: string;
  label: string;
  type: FieldType;
  isLabel?: boolean;
  isSystem?: boolean;
  options?: { values?: string[]; target?: string };
}

export interface StandardObject {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  icon: string;
  fields: StandardField[];
}

/** Every object carries these; they are always visible and never restrictable. */
export const SYSTEM_FIELDS: StandardField[] = [
  { name: "id", label: "Id", type: "UUID", isSystem: true },
  { name: "createdAt", label: "Creation date", type: "DATE_TIME", isSystem: true },
  { name: "updatedAt", label: "Last update", type: "DATE_TIME", isSystem: true },
];

export const OPPORTUNITY_STAGES = ["NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"];
export const TASK_STATUSES = ["TODO", "IN_PROGRESS", "DONE"];

export const STANDARD_OBJECTS: StandardObject[] = [
  {
    nameSingular: "person",
    namePlural: "people",
    labelSingular: "Person",
    labelPlural: "People",
    icon: "user",
    fields: [
      { name: "name", label: "Name", type: "TEXT", isLabel: true },
      { name: "email", label: "Email", type: "EMAIL" },
      { name: "phone", label: "Phone", type: "PHONE" },
      { name: "address", label: "Address", type: "TEXT" },
      { name: "city", label: "City", type: "TEXT" },
      { name: "jobTitle", label: "Job title", type: "TEXT" },
      { name: "companyId", label: "Company", type: "RELATION", options: { target: "company" } },
      { name: "ownerId", label: "Owner", type: "MEMBER" },
    ],
  },
  {
    nameSingular: "company",
    namePlural: "companies",
    labelSingular: "Company",
    labelPlural: "Companies",
    icon: "building",
    fields: [
      { name: "name", label: "Name", type: "TEXT", isLabel: true },
      { name: "domain", label: "Domain", type: "TEXT" },
      { name: "employees", label: "Employees", type: "NUMBER" },
      { name: "address", label: "Address", type: "TEXT" },
      { name: "ownerId", label: "Owner", type: "MEMBER" },
    ],
  },
  {
    nameSingular: "opportunity",
    namePlural: "opportunities",
    labelSingular: "Opportunity",
    labelPlural: "Opportunities",
    icon: "target",
    fields: [
      { name: "name", label: "Name", type: "TEXT", isLabel: true },
      { name: "amount", label: "Amount", type: "CURRENCY" },
      { name: "stage", label: "Stage", type: "SELECT", options: { values: OPPORTUNITY_STAGES } },
      { name: "closeDate", label: "Close date", type: "DATE" },
      { name: "companyId", label: "Company", type: "RELATION", options: { target: "company" } },
      { name: "ownerId", label: "Owner", type: "MEMBER" },
    ],
  },
  {
    nameSingular: "note",
    namePlural: "notes",
    labelSingular: "Note",
    labelPlural: "Notes",
    icon: "notebook",
    fields: [
      { name: "title", label: "Title", type: "TEXT", isLabel: true },
      { name: "body", label: "Body", type: "RICH_TEXT" },
    ],
  },
  {
    nameSingular: "task",
    namePlural: "tasks",
    labelSingular: "Task",
    labelPlural: "Tasks",
    icon: "check-square",
    fields: [
      { name: "title", label: "Title", type: "TEXT", isLabel: true },
      { name: "body", label: "Body", type: "RICH_TEXT" },
      { name: "dueAt", label: "Due date", type: "DATE" },
      { name: "status", label: "Status", type: "SELECT", options: { values: TASK_STATUSES } },
    ],
  },
];

/** The value kind a record-level rule sees for each field type (lib/permissions RecordValueType). */
export const RULE_VALUE_TYPE = {
  UUID: "text",
  TEXT: "text",
  EMAIL: "text",
  PHONE: "text",
  RICH_TEXT: "text",
  SELECT: "text",
  RELATION: "text",
  MEMBER: "member",
  NUMBER: "number",
  CURRENCY: "number",
  BOOLEAN: "boolean",
  DATE: "date",
  DATE_TIME: "date",
} as const satisfies Record<FieldType, "text" | "number" | "date" | "boolean" | "member">;
