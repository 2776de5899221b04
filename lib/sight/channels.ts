/**
 * The outbound channels (SPEC §16): every way a record, its label, one of its values or a count
 * of records leaves the server to a reader. Each names the modules that carry it and how it
 * applies the reader's sight. `tests/integration/leak.integration.test.ts` reads every channel
 * of this table as random readers and fails on anything outside their sight; a unit test fails
 * when a module reads the stored records, audit entries or outbox without being listed here (as
 * a channel, or as an internal reader that sends nothing out). A new channel is one entry here,
 * one reader in the leak suite.
 */

export interface OutboundChannel {
  /** What leaves, to whom. */
  readonly carries: string;
  /** Where it is built. */
  readonly modules: readonly string[];
  /** How the reader's sight is applied. */
  readonly sight: string;
}

export const OUTBOUND_CHANNELS = {
  recordList: {
    carries: "pages of records: the records UI, REST lists, MCP find_records",
    modules: ["lib/records/list.ts", "lib/records/sql.ts", "lib/records/serialize.ts", "lib/api/records-handlers.ts", "lib/agents/tools.ts"],
    sight: "the reader's record-level predicate compiled into the WHERE clause, then the engine's field projection",
  },
  recordSearch: {
    carries: "search results (records UI, REST `search`, MCP find_records)",
    modules: ["lib/records/list.ts", "lib/records/sql.ts"],
    sight: "the same WHERE clause; only the text fields the reader sees are searched",
  },
  recordGet: {
    carries: "one record: record page, REST get, MCP get_record; writes answer with the record",
    modules: ["lib/records/get.ts", "lib/records/record-row.ts", "lib/records/update.ts", "lib/records/create.ts"],
    sight: "the engine's predicate on the row (404 outside it), then the field projection",
  },
  recordCount: {
    carries: "how many records a rule reaches (the record-level rule editor)",
    modules: ["lib/roles/rule-reach.ts", "lib/records/sql.ts"],
    sight: "only to readers who reach every record of the object and see every field the rule reads",
  },
  relationLabels: {
    carries: "the names of related records (a person's Company) in lists, record pages and CSV",
    modules: ["lib/csv/related-labels.ts"],
    sight: "looked up through the record list as the reader: an unreachable target keeps its raw id",
  },
  csvExport: {
    carries: "CSV files",
    modules: ["lib/csv/export.ts"],
    sight: "pages of the record list as the reader",
  },
  mcpTools: {
    carries: "agent tools' answers",
    modules: ["lib/agents/tools.ts", "lib/agents/run-tool.ts"],
    sight: "the record list and get as the agent",
  },
  auditLog: {
    carries: "audit entries: labels, snapshots, recipients, counts, export details",
    modules: ["lib/audit/queries.ts", "lib/audit/reader.ts"],
    sight: "entries about hidden objects or unreachable records left out; snapshots masked; counts, search terms and hidden sorts or filters dropped where the reader's sight does not cover them",
  },
  workflowDigest: {
    carries: "the stale-deals digest e-mailed to the invoker, and the run history's counts",
    modules: ["lib/workflows/run.ts"],
    sight: "records both the agent's and the invoker's rules reach, fields both see; counts only to the invoker and readers who reach every opportunity",
  },
  outbox: {
    carries: "sent e-mails",
    modules: ["lib/email/outbox.ts"],
    sight: "an Admin reads all; anyone else the messages they sent or that were sent to them",
  },
  viewAs: {
    carries: "records seen through a role (View as)",
    modules: ["lib/roles/view-as.ts"],
    sight: "the role's read-only projection, never beyond the viewer's own authority, then every channel above",
  },
  ownPermissions: {
    carries: "one's own effective permissions (REST me/permissions)",
    modules: ["lib/api/me-handlers.ts"],
    sight: "fields the holder cannot see are left out",
  },
} as const satisfies Record<string, OutboundChannel>;

export type OutboundChannelName = keyof typeof OUTBOUND_CHANNELS;

/**
 * Modules that read stored records, audit entries or the outbox but send none of it out: checks
 * before a write (does the relation target exist within the rule?) and the writers themselves.
 */
export const INTERNAL_READERS: readonly { module: string; why: string }[] = [
  { module: "lib/records/search-index.ts", why: "builds search's index from every record (migration) and proposes candidate ids; the page query then applies the reader's rule and visible fields, and nothing of a record leaves here" },
  { module: "lib/records/write-input.ts", why: "checks that a relation's target exists within the writer's rule; answers only with an error" },
  { module: "lib/sight/records.ts", why: "judges stored rows with a reader's sight for the channels above" },
];
