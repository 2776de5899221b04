/**
 * The record tools an AI agent may call (SPEC §9 "Agent tools"), independent of any transport:
 * the MCP server runs them through `runAgentTool`. Each tool is a zod input
 * schema and a function of `(db, principal, args)` that only calls the records domain, so every
 * read and write is decided by the permission engine and every write is audited there.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { can, objectCapabilities, type ObjectCapabilities } from "@/lib/permissions";
import {
  createRecord,
  getRecord,
  listRecordObjects,
  listRecords,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  parseListText,
  softDeleteRecord,
  updateRecord,
  visibleFieldsOf,
  type RecordObject,
} from "@/lib/records";

export const AGENT_TOOL_NAMES = ["list_objects", "find_records", "get_record", "create_record", "update_record", "delete_record"] as const;
export type AgentToolName = (typeof AGENT_TOOL_NAMES)[number];

/** What MCP calls tool annotations: hints for clients deciding whether to ask the user first. */
export interface AgentToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: false;
}

export interface AgentTool<S extends z.ZodObject = z.ZodObject> {
  name: AgentToolName;
  title: string;
  description: string;
  hints: AgentToolHints;
  input: S;
  run(db: Db, principal: Principal, args: z.output<S>): Promise<unknown>;
}

function defineTool<S extends z.ZodObject>(tool: AgentTool<S>): AgentTool {
  return tool as unknown as AgentTool;
}

const READ: AgentToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

const objectName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe("The object's plural name as list_objects gives it, e.g. people, companies, opportunities, notes, tasks.");
const recordId = z.string().trim().min(1).max(100).describe("The record's id.");
const fieldValues = z
  .record(z.string(), z.unknown())
  .describe("Field values by field name (camelCase, as list_objects gives them). null clears a field. Only editable fields are accepted.");

/** One field as an agent needs to know it: what it holds and whether the agent may write it. */
function describeFields(principal: Principal, object: RecordObject, capabilities: ObjectCapabilities) {
  const editable = new Set(capabilities.editableFields);
  const creatable = new Set(capabilities.creatableFields);
  return visibleFieldsOf(principal, object).map((field) => ({
    name: field.name,
    label: field.label,
    type: field.type,
    editable: editable.has(field.name),
    // Create is distinct from edit (SPEC §13): what create_record accepts for this field.
    creatable: creatable.has(field.name),
    ...(field.isLabel ? { requiredOnCreate: true } : {}),
    ...(field.selectValues ? { values: field.selectValues } : {}),
    // The target is named only when the agent can see it: the data model of hidden objects stays hidden.
    ...(field.relationTarget && can(principal.permissions, "see", field.relationTarget) ? { relationTo: field.relationTarget } : {}),
  }));
}

async function listObjects(db: Db, principal: Principal) {
  const [objects, role] = await Promise.all([
    listRecordObjects(db, principal.workspaceId),
    db.role.findUnique({ where: { id: principal.roleId }, select: { name: true } }),
  ]);
  const visible = objects.filter((object) => can(principal.permissions, "see", object.nameSingular));
  return {
    actingAs: { agent: principal.label, role: role?.name ?? null },
    objects: visible.map((object) => {
      const capabilities = objectCapabilities(principal.permissions, object);
      return {
        name: object.namePlural,
        nameSingular: object.nameSingular,
        label: object.labelPlural,
        canCreate: capabilities.create,
        canUpdate: capabilities.update,
        canDelete: capabilities.delete,
        fields: describeFields(principal, object, capabilities),
      };
    }),
  };
}

export const AGENT_TOOLS: readonly AgentTool[] = [
  defineTool({
    name: "list_objects",
    title: "List objects",
    description:
      "The CRM objects your role can see, each with the fields you can see, whether you can set each field when creating (creatable) or updating (editable), and whether you can create, update and delete its records. Call this first: objects and fields that are not listed do not exist for you.",
    hints: READ,
    input: z.strictObject({}),
    run: (db, principal) => listObjects(db, principal),
  }),
  defineTool({
    name: "find_records",
    title: "Find records",
    description:
      'Records of one object, one page at a time: { "data": [...], "pageInfo": { "endCursor", "hasNextPage" } }. Hidden fields are absent from every record, and cannot be used to filter, sort or search.',
    hints: READ,
    input: z.strictObject({
      object: objectName,
      filter: z
        .string()
        .max(2_000)
        .optional()
        .describe(
          "Conditions field[op]:value, comma-separated, all of which must hold. Operators: eq, neq, gt, gte, lt, lte, like (contains, case-insensitive), in (values separated by |), is (NULL or NOT_NULL). Example: city[eq]:Paris,jobTitle[like]:engineer",
        ),
      orderBy: z.string().max(200).optional().describe("A field, optionally followed by :asc or :desc, e.g. createdAt:desc. Default createdAt:asc."),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional().describe(`Records per page, 1–${MAX_PAGE_SIZE} (default 50).`),
      cursor: z.string().max(1_000).optional().describe("pageInfo.endCursor of the previous page, with the same filter and orderBy."),
      search: z.string().max(MAX_SEARCH_LENGTH).optional().describe("Case-insensitive text contained in any visible text field."),
      includeDeleted: z.boolean().optional().describe("Also return records in the trash (deletedAt set)."),
    }),
    run: async (db, principal, args) => {
      const page = await listRecords(db, principal, args.object, {
        ...parseListText(args),
        ...(args.limit === undefined ? {} : { limit: args.limit }),
        cursor: args.cursor ?? null,
        search: args.search ?? null,
        includeDeleted: args.includeDeleted ?? false,
      });
      return { data: page.records, pageInfo: page.pageInfo };
    },
  }),
  defineTool({
    name: "get_record",
    title: "Get a record",
    description: 'One record by id, live or in the trash: { "data": {...} }. Hidden fields are absent.',
    hints: READ,
    input: z.strictObject({ object: objectName, id: recordId }),
    run: async (db, principal, args) => ({ data: await getRecord(db, principal, args.object, args.id) }),
  }),
  defineTool({
    name: "create_record",
    title: "Create a record",
    description:
      'Creates a record from field values and returns it: { "data": {...} }. Needs permission to create records of the object (canCreate in list_objects); every given field must be creatable for you.',
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    input: z.strictObject({ object: objectName, values: fieldValues }),
    run: async (db, principal, args) => ({ data: await db.$transaction((tx) => createRecord(tx, principal, args.object, args.values)) }),
  }),
  defineTool({
    name: "update_record",
    title: "Update a record",
    description:
      'Changes the given fields of a record (others keep their value) and returns it: { "data": {...} }. A field you may only read is refused and named, never silently skipped.',
    hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    input: z.strictObject({ object: objectName, id: recordId, values: fieldValues }),
    run: async (db, principal, args) => ({ data: await db.$transaction((tx) => updateRecord(tx, principal, args.object, args.id, args.values)) }),
  }),
  defineTool({
    name: "delete_record",
    title: "Delete a record",
    description:
      'Moves a record to the trash (a member allowed to delete can restore it) and returns it with deletedAt set: { "data": {...} }. Needs permission to delete records of the object.',
    hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    input: z.strictObject({ object: objectName, id: recordId }),
    run: async (db, principal, args) => ({ data: await db.$transaction((tx) => softDeleteRecord(tx, principal, args.object, args.id)) }),
  }),
];

export function findAgentTool(name: string): AgentTool | undefined {
  return AGENT_TOOLS.find((tool) => tool.name === name);
}
