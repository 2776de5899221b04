/**
 * The leak suite (SPEC §16), model-based like the escalation suite: random roles with object,
 * field and record-level rules are held by random readers (a member, an API key and an AI agent
 * per role); an Admin writes random records whose every text value is a unique token, changes,
 * trashes and restores them, e-mails and exports them; readers run the workflow. Then every
 * outbound channel of lib/sight/channels.ts is read as every reader, and no token of a record
 * outside the reader's sight, nor of a field the reader cannot see, may appear in what it gets;
 * counts appear only where the reader reaches every record they count.
 *
 * The expectation comes from the model's own bookkeeping (which token was written to which field
 * of which record) and the engine's answers for each reader (object, field and record rule), not
 * from the channels under test.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "./db";
import { DomainError, isDomainError } from "@/lib/errors";
import { can, partsOf, recordSight, type RecordRule, type RoleSeed, uniformlyVisibleFields, visibleFields } from "@/lib/permissions";
import { agentPrincipal, apiKeyPrincipalById, memberPrincipal, type Principal } from "@/lib/access/principal";
import { createRecord, getRecord, listRecords, listTrash, restoreRecord, softDeleteRecord, updateRecord } from "@/lib/records";
import { listRecordObjects, type RecordObject } from "@/lib/records/objects";
import { toFullRecord } from "@/lib/records/serialize";
import { findRecordRows } from "@/lib/records/record-row";
import { relatedLabels } from "@/lib/csv/related-labels";
import { exportRecordsCsv } from "@/lib/csv/export";
import { runAgentTool } from "@/lib/agents/run-tool";
import { listAuditEntries } from "@/lib/audit/queries";
import { runWorkflow, listWorkflowRuns } from "@/lib/workflows/run";
import { listOutbox } from "@/lib/email/outbox";
import { sendRecordEmail } from "@/lib/email/send";
import { viewingAs } from "@/lib/roles/view-as";
import { countRecordsReached } from "@/lib/roles/rule-reach";
import { handleMyPermissions } from "@/lib/api/me-handlers";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { readsEveryRecordOf } from "@/lib/sight/reader";
import { OUTBOUND_CHANNELS, type OutboundChannelName } from "@/lib/sight/channels";
import { createAgent, createApiKey, createMember, createRole } from "@/prisma/factories";
import { createTestWorkspace } from "@/prisma/test-workspace";

const db = useDemoDatabase();
const deps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
const stats = { sequences: 0, records: 0, pairs: 0, tokensChecked: 0, readersWithSets: 0 };
const pairsByChannel = new Map<OutboundChannelName, number>();

// ---------------------------------------------------------------------------------------------
// Tokens: every text value the Admin writes is one, so a leak is a token found where it may not be.
// ---------------------------------------------------------------------------------------------

const TOKEN = /zq[0-9a-f]{10}/g;
let tokenCounter = 0;
const newToken = () => `zq${(0x1000000000 + tokenCounter++ * 7919).toString(16).slice(-10)}`;
/** token → where it was written (old values stay in audit snapshots, so they are kept). */
const written = new Map<string, { object: string; id: string; field: string }>();
/** `object:id:field` → the token it holds now. */
const current = new Map<string, string>();
function remember(token: string, place: { object: string; id: string; field: string }) {
  written.set(token, place);
  current.set(`${place.object}:${place.id}:${place.field}`, token);
}

/** The text fields that carry tokens, per object (label first). */
const TEXT_FIELDS: Record<string, string[]> = {
  person: ["name", "email", "address", "city", "jobTitle"],
  company: ["name", "domain", "address"],
  opportunity: ["name"],
};
const PLURAL: Record<string, string> = { person: "people", company: "companies", opportunity: "opportunities" };
const STAGES = ["NEW", "MEETING", "PROPOSAL", "CUSTOMER"];

function tokenValue(object: string, field: string, token: string): string {
  if (field === "email") return `${token}@leak.test`;
  return object === "opportunity" ? `Deal ${token}` : `${field} ${token}`;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: reader roles and the Admin's writes.
// ---------------------------------------------------------------------------------------------

type RuleChoice = "none" | "ownerMe" | "stageNotCustomer" | "stageIn" | "ownerIsFirstReader";
const ruleChoice = fc.constantFrom<RuleChoice>("none", "none", "ownerMe", "stageNotCustomer", "stageIn", "ownerIsFirstReader");
const HIDEABLE: Record<string, string[]> = { person: ["email", "phone", "address", "city", "jobTitle"], company: ["domain", "address"], opportunity: ["amount", "closeDate"] };

const readerRoleArb = fc.record({
  seesAll: fc.constantFrom(true, true, true, false),
  objects: fc.record({
    person: fc.record({ see: fc.constantFrom(true, null, null, false), rule: ruleChoice, hidden: fc.subarray(HIDEABLE.person) }),
    company: fc.record({ see: fc.constantFrom(true, null, null, false), rule: ruleChoice, hidden: fc.subarray(HIDEABLE.company) }),
    opportunity: fc.record({ see: fc.constantFrom(true, null, false), rule: ruleChoice, hidden: fc.subarray(HIDEABLE.opportunity) }),
  }),
});
type ReaderRole = typeof readerRoleArb extends fc.Arbitrary<infer T> ? T : never;

type Write =
  | { kind: "create"; object: string; owner: number; stage: number; company: number }
  | { kind: "update"; record: number; field: number; owner: number; stage: number }
  | { kind: "trash"; record: number }
  | { kind: "restore"; record: number }
  | { kind: "email"; record: number }
  | { kind: "export"; object: string; search: number };

const objectArb = fc.constantFrom("person", "company", "opportunity");
const n = fc.nat({ max: 1000 });
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("create" as const), object: objectArb, owner: n, stage: n, company: n }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("update" as const), record: n, field: n, owner: n, stage: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("trash" as const), record: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restore" as const), record: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("email" as const), record: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("export" as const), object: objectArb, search: n }) },
);

// ---------------------------------------------------------------------------------------------
// The workspace, its Admin and the readers.
// ---------------------------------------------------------------------------------------------

let workspaceId: string;
let admin: Principal;
let objects: Map<string, RecordObject>;
const records: { object: string; id: string }[] = [];
const trashed = new Set<string>();
const pick = <T,>(items: readonly T[], at: number): T | undefined => (items.length === 0 ? undefined : items[at % items.length]);
let unique = 0;

interface Reader {
  roleId: string;
  member: Principal & { email: string };
  key: Principal;
  agentId: string;
}

function recordRule(choice: RuleChoice, firstReaderId: string): RecordRule | null {
  switch (choice) {
    case "none":
      return null;
    case "ownerMe":
      return { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] };
    case "ownerIsFirstReader":
      return { mode: "match", join: "any", conditions: [{ field: "ownerId", operator: "eq", value: firstReaderId }, { field: "ownerId", operator: "isEmpty" }] };
    case "stageNotCustomer":
      return { mode: "match", join: "all", conditions: [{ field: "stage", operator: "neq", value: "CUSTOMER" }] };
    case "stageIn":
      return { mode: "match", join: "all", conditions: [{ field: "stage", operator: "in", value: ["NEW", "PROPOSAL"] }] };
  }
}

/** Person and company rules about stage make no sense: they read Owner instead. */
function ruleFor(object: string, choice: RuleChoice, firstReaderId: string): RecordRule | null {
  if (object !== "opportunity" && (choice === "stageNotCustomer" || choice === "stageIn")) return recordRule("ownerMe", firstReaderId);
  return recordRule(choice, firstReaderId);
}

function seedOf(shape: ReaderRole, name: string, firstReaderId: string): RoleSeed {
  return {
    name,
    canSeeAllObjects: shape.seesAll,
    settings: ["ROLES", "WORKFLOWS"],
    actions: ["EXPORT_CSV", "SEND_EMAIL"],
    objectRules: Object.entries(shape.objects)
      .filter(([, rule]) => rule.see !== null || rule.rule !== "none")
      .map(([object, rule]) => ({ object, canSee: rule.see ?? (rule.rule !== "none" ? true : null), recordRule: ruleFor(object, rule.rule, firstReaderId) })),
    fieldRules: Object.entries(shape.objects).flatMap(([object, rule]) => rule.hidden.map((field) => ({ object, field, canSee: false, canEdit: false }))),
  };
}

async function createReaders(roles: ReaderRole[], sets: (ReaderRole | null)[]): Promise<Reader[]> {
  const readers: Reader[] = [];
  const memberIds: string[] = [];
  // Members first, so that a rule may name one of them.
  const memberRoleless = [];
  for (let i = 0; i < roles.length; i++) {
    const email = `reader${unique++}@leak.test`;
    memberRoleless.push({ email, member: await createMember(db, { workspaceId, roleId: admin.roleId, email, name: `Reader ${email}`, passwordHash: "x" }) });
    memberIds.push(memberRoleless[i].member.id);
  }
  for (const [i, shape] of roles.entries()) {
    const role = await createRole(db, workspaceId, {}, seedOf(shape, `Reader role ${unique++}`, memberIds[0]));
    const { email, member } = memberRoleless[i];
    await db.workspaceMember.update({ where: { id: member.id }, data: { roleId: role.id } });
    const secret = `leak-key-${unique++}`;
    const key = await createApiKey(db, { workspaceId, name: `Reader key ${unique++}`, secret, roleId: role.id });
    secrets.set(key.id, secret);
    const agent = await createAgent(db, { workspaceId, name: `Reader agent ${unique++}`, roleId: role.id });
    // SPEC §17: some readers hold a permission set beside their role, each of their three principals alike.
    const setShape = sets[i];
    if (setShape) {
      const set = await createRole(db, workspaceId, {}, seedOf(setShape, `Reader set ${unique++}`, memberIds[0]), "set");
      for (const [principalKind, principalId] of [["member", member.id], ["apiKey", key.id], ["agent", agent.id]] as const) {
        await db.permissionSetAssignment.create({ data: { workspaceId, setId: set.id, principalKind, principalId } });
      }
      stats.readersWithSets++;
    }
    readers.push({
      roleId: role.id,
      member: { ...(await memberPrincipal(db, member.id))!, email },
      key: (await apiKeyPrincipalById(db, workspaceId, key.id))!,
      agentId: agent.id,
    });
  }
  return readers;
}

// ---------------------------------------------------------------------------------------------
// The Admin's writes, through the same use cases as every channel.
// ---------------------------------------------------------------------------------------------

async function applyWrite(write: Write, owners: string[]) {
  switch (write.kind) {
    case "create": {
      const values: Record<string, unknown> = {};
      for (const field of TEXT_FIELDS[write.object]) {
        const token = newToken();
        values[field] = tokenValue(write.object, field, token);
        pendingTokens.push({ token, field });
      }
      values.ownerId = pick(owners, write.owner) ?? null;
      if (write.object === "opportunity") {
        values.stage = pick(STAGES, write.stage);
        values.amount = 1000 + write.stage;
      }
      const company = pick(records.filter((record) => record.object === "company" && !trashed.has(record.id)), write.company);
      if (company && write.object !== "company") values.companyId = company.id;
      const created = await db.$transaction((tx) => createRecord(tx, admin, PLURAL[write.object], values));
      for (const { token, field } of pendingTokens.splice(0)) remember(token, { object: write.object, id: String(created.id), field });
      records.push({ object: write.object, id: String(created.id) });
      stats.records++;
      return;
    }
    case "update": {
      const record = pick(records, write.record);
      if (!record) return;
      const field = pick([...TEXT_FIELDS[record.object], "ownerId", ...(record.object === "opportunity" ? ["stage"] : [])], write.field)!;
      let value: unknown;
      if (field === "ownerId") value = pick(owners, write.owner) ?? null;
      else if (field === "stage") value = pick(STAGES, write.stage);
      const token = field === "ownerId" || field === "stage" ? null : newToken();
      if (token) value = tokenValue(record.object, field, token);
      try {
        await db.$transaction((tx) => updateRecord(tx, admin, PLURAL[record.object], record.id, { [field]: value }));
      } catch (error) {
        if (isDomainError(error) && error.code === "RECORD_IN_TRASH") return;
        throw error;
      }
      if (token) remember(token, { ...record, field });
      return;
    }
    case "trash":
    case "restore": {
      const record = pick(records, write.record);
      if (!record) return;
      try {
        await db.$transaction((tx) => (write.kind === "trash" ? softDeleteRecord : restoreRecord)(tx, admin, PLURAL[record.object], record.id));
        if (write.kind === "trash") trashed.add(record.id);
        else trashed.delete(record.id);
      } catch (error) {
        if (!isDomainError(error)) throw error; // already in (or out of) the trash
      }
      return;
    }
    case "email": {
      const person = pick(records.filter((record) => record.object === "person"), write.record);
      if (!person) return;
      try {
        await db.$transaction((tx) => sendRecordEmail(tx, admin, { object: "people", id: person.id, subject: "Hello", body: "A note from the leak suite." }));
      } catch (error) {
        if (!isDomainError(error)) throw error; // in the trash
      }
      return;
    }
    case "export": {
      // Searching for a token: the term is one record's value, which the audit log must not show
      // to readers who do not reach every record.
      const term = pick([...written].filter(([, place]) => place.object === write.object).map(([token]) => token), write.search);
      await exportRecordsCsv(db, admin, PLURAL[write.object], term ? { search: term } : {});
      return;
    }
  }
}
const pendingTokens: { token: string; field: string }[] = [];

// ---------------------------------------------------------------------------------------------
// The expectation: which tokens each reader may read, from the engine's answers.
// ---------------------------------------------------------------------------------------------

/**
 * The tokens `principal` may read: visible fields of records within its reach, now. With several
 * grants, asked of each grant alone (the union's own code is under test): a token is readable
 * when one grant reaches its record and shows its field.
 */
async function allowedTokens(principal: Principal): Promise<Set<string>> {
  const byRecord = new Map<string, Record<string, unknown>>();
  for (const [name, object] of objects) {
    if (!TEXT_FIELDS[name]) continue;
    const rows = await findRecordRows(db, workspaceId, object, records.filter((record) => record.object === name).map((record) => record.id));
    for (const [id, row] of rows) byRecord.set(`${name}:${id}`, toFullRecord(object, row));
  }
  const allowed = new Set<string>();
  for (const [token, place] of written) {
    const record = byRecord.get(`${place.object}:${place.id}`);
    if (!record) continue;
    const memberId = principal.kind === "member" ? principal.id : null;
    const readable = partsOf(principal.permissions).some((grant) => recordSight(grant, place.object, { memberId }).reaches(record) && visibleFields(grant, place.object).includes(place.field));
    if (readable) allowed.add(token);
  }
  return allowed;
}

function expectNoLeak(channel: OutboundChannelName, who: string, output: unknown, allowed: ReadonlySet<string>) {
  stats.pairs++;
  pairsByChannel.set(channel, (pairsByChannel.get(channel) ?? 0) + 1);
  const text = typeof output === "string" ? output : JSON.stringify(output);
  const found = new Set(text.match(TOKEN) ?? []);
  stats.tokensChecked += found.size;
  const leaked = [...found].filter((token) => !allowed.has(token)).map((token) => ({ token, ...written.get(token) }));
  if (leaked.length > 0 && process.env.LEAK_DEBUG) console.log(text.slice(Math.max(0, text.indexOf(leaked[0].token) - 700), text.indexOf(leaked[0].token) + 200));
  expect(leaked, `${channel} leaked to ${who}`).toEqual([]);
}

/** A refusal is a channel that says nothing; anything else that fails is a bug. */
async function orRefused<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

async function everyPage<T>(first: (cursor: string | null) => Promise<{ records: T[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } | null>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await first(cursor);
    if (!page) break;
    all.push(...page.records);
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor);
  return all;
}

// ---------------------------------------------------------------------------------------------
// Every channel of the table, read as one reader.
// ---------------------------------------------------------------------------------------------

type ChannelReader = (reader: Reader, others: Reader[], allowed: { member: Set<string>; key: Set<string> }) => Promise<void>;

const CHANNEL_READERS: Record<OutboundChannelName, ChannelReader> = {
  recordList: async ({ member, key }, _others, allowed) => {
    for (const [principal, tokens] of [[member, allowed.member], [key, allowed.key]] as const) {
      for (const name of Object.keys(TEXT_FIELDS)) {
        const live = await everyPage((cursor) => orRefused(() => listRecords(db, principal, PLURAL[name], { limit: 200, cursor, includeDeleted: true })));
        const trash = await everyPage((cursor) => orRefused(() => listTrash(db, principal, PLURAL[name], { limit: 200, cursor })));
        expectNoLeak("recordList", `${principal.kind} ${principal.label}`, [live, trash], tokens);
      }
    }
  },
  recordSearch: async ({ member }, _others, allowed) => {
    // A token the reader may not read must find nothing: not even a record in reach whose hidden field holds it.
    const forbidden = [...written].filter(([token]) => !allowed.member.has(token));
    for (const [token, place] of forbidden.slice(-12)) {
      const page = await orRefused(() => listRecords(db, member, PLURAL[place.object], { search: token, includeDeleted: true }));
      expect(page?.records ?? [], `search for a token ${member.label} may not read (${place.object}.${place.field})`).toEqual([]);
      expectNoLeak("recordSearch", member.label, page, allowed.member);
    }
    // A token it may read finds its record: the search works, so the silence above means something.
    // (With several grants, only fields every grant shows are searched: SPEC §17.)
    const searched = (place: { object: string; field: string }) => uniformlyVisibleFields(member.permissions, place.object).includes(place.field);
    for (const [token, place] of [...written].filter(([token, place]) => allowed.member.has(token) && searched(place) && current.get(`${place.object}:${place.id}:${place.field}`) === token).slice(-4)) {
      const page = await listRecords(db, member, PLURAL[place.object], { search: token, includeDeleted: true });
      expect(page.records.map((record) => record.id)).toContain(place.id);
    }
  },
  recordGet: async ({ member, key }, _others, allowed) => {
    for (const [principal, tokens] of [[member, allowed.member], [key, allowed.key]] as const) {
      const got = [];
      for (const record of records) got.push(await orRefused(() => getRecord(db, principal, PLURAL[record.object], record.id)));
      expectNoLeak("recordGet", `${principal.kind} ${principal.label}`, got, tokens);
    }
  },
  recordCount: async ({ member }) => {
    stats.pairs++;
    pairsByChannel.set("recordCount", (pairsByChannel.get("recordCount") ?? 0) + 1);
    for (const name of Object.keys(TEXT_FIELDS)) {
      const count = await orRefused(() => countRecordsReached(db, member, name, { mode: "all" }, null));
      // A count over records the reader does not all reach is refused.
      if (count !== null) expect(readsEveryRecordOf(member, name), `${member.label} counted ${name} it does not all reach`).toBe(true);
    }
  },
  relationLabels: async ({ member }, _others, allowed) => {
    for (const name of ["person", "opportunity"]) {
      const object = objects.get(name)!;
      // The labels of every company any record points to, asked as the reader.
      const all = await everyPage((cursor) => listRecords(db, admin, PLURAL[name], { limit: 200, cursor, includeDeleted: true }));
      const fields = object.fields.filter((field) => field.name === "companyId" && can(member.permissions, "see", name, field.name));
      expectNoLeak("relationLabels", member.label, await relatedLabels(db, member, fields, all), allowed.member);
    }
  },
  csvExport: async ({ member }, _others, allowed) => {
    for (const name of Object.keys(TEXT_FIELDS)) {
      const file = await orRefused(() => exportRecordsCsv(db, member, PLURAL[name]));
      expectNoLeak("csvExport", member.label, file?.csv ?? "", allowed.member);
    }
  },
  mcpTools: async ({ agentId, key }, _others, allowed) => {
    // The agent holds the reader's role; like a key, it has no Me.
    const agent = (await agentPrincipal(db, agentId))!;
    const tokens = agent.roleId === key.roleId ? allowed.key : await allowedTokens(agent);
    for (const name of Object.keys(TEXT_FIELDS)) {
      expectNoLeak("mcpTools", `agent ${agent.label}`, await runAgentTool(db, { agentId }, "find_records", { object: PLURAL[name], limit: 200, includeDeleted: true }), tokens);
    }
    for (const record of records.slice(-10)) {
      expectNoLeak("mcpTools", `agent ${agent.label}`, await runAgentTool(db, { agentId }, "get_record", { object: PLURAL[record.object], id: record.id }), tokens);
    }
    expectNoLeak("mcpTools", `agent ${agent.label}`, await runAgentTool(db, { agentId }, "list_objects", {}), tokens);
  },
  auditLog: async ({ member }, _others, allowed) => {
    let after: string | undefined;
    for (let page = 0; page < 40; page++) {
      const { entries, hasMore, lastId } = await listAuditEntries(db, member, after ? { after } : {});
      expectNoLeak("auditLog", member.label, entries, allowed.member);
      for (const entry of entries) {
        const values = entry.after ? (JSON.parse(entry.after) as Record<string, unknown>) : {};
        if ("count" in values || "staleCount" in values) expect(readsEveryRecordOf(member, entry.action === "workflow.triggered" ? "opportunity" : entry.targetType), `${member.label} read a count in ${entry.action}`).toBe(true);
      }
      if (!hasMore || !lastId) break;
      after = lastId;
    }
  },
  workflowDigest: async ({ member }, others, allowed) => {
    // The reader runs the workflow (everything is stale 60 days from now): the digest goes to them.
    await orRefused(() => db.$transaction((tx) => runWorkflow(tx, member, member.email, "stale-opportunities", new Date(Date.now() + 60 * 86_400_000))));
    expectNoLeak("workflowDigest", member.label, await listOutbox(db, member, { recipient: member.email }), allowed.member);
    // Everyone's run history: a count only to its invoker, or to readers of every opportunity.
    for (const reader of [member, ...others.map((other) => other.member)]) {
      for (const run of await listWorkflowRuns(db, reader, "stale-opportunities", 20)) {
        if (run.staleCount !== null && run.by !== reader.label) expect(readsEveryRecordOf(reader, "opportunity"), `${reader.label} read another's stale count`).toBe(true);
      }
    }
  },
  outbox: async ({ member }, _others, allowed) => {
    expectNoLeak("outbox", member.label, await listOutbox(db, member, { recipient: member.email }), allowed.member);
  },
  viewAs: async ({ member }, others, allowed) => {
    for (const other of others) {
      const viewing = await viewingAs(db, workspaceId, member.permissions, other.roleId);
      if (!viewing) continue;
      const through = { ...member, permissions: viewing.permissions };
      for (const name of Object.keys(TEXT_FIELDS)) {
        const seen = await everyPage((cursor) => orRefused(() => listRecords(db, through, PLURAL[name], { limit: 200, cursor, includeDeleted: true })));
        // Never more than the viewer may read.
        expectNoLeak("viewAs", `${member.label} as ${viewing.roleName}`, seen, allowed.member);
      }
    }
  },
  ownPermissions: async ({ key }) => {
    stats.pairs++;
    pairsByChannel.set("ownPermissions", (pairsByChannel.get("ownPermissions") ?? 0) + 1);
    const response = await handleMyPermissions(deps, new Request("http://localhost/api/rest/me/permissions", { headers: { authorization: `Bearer ${secrets.get(key.id)!}` } }), {});
    const { objects: shown } = (await response.json()).data.permissions as { objects: Record<string, { fields: Record<string, unknown> }> };
    for (const [name, object] of Object.entries(shown)) expect(Object.keys(object.fields).sort(), `me/permissions names a hidden field of ${name}`).toEqual(visibleFields(key.permissions, name).sort());
  },
};

/** API key id → its secret, for the REST channel. */
const secrets = new Map<string, string>();

beforeAll(async () => {
  const workspace = await createTestWorkspace(db);
  workspaceId = workspace.workspace.id;
  admin = (await memberPrincipal(db, workspace.admins[0].id))!;
  objects = new Map((await listRecordObjects(db, workspaceId)).map((object) => [object.nameSingular, object]));
});

afterAll(() => {
  console.log(
    `leak suite: ${stats.sequences} sequences, ${stats.records} records, ${stats.readersWithSets} readers holding a permission set, ${stats.pairs} reader × channel reads (${[...pairsByChannel].map(([channel, count]) => `${channel} ${count}`).join(", ")}), ${stats.tokensChecked} tokens checked`,
  );
});

describe("leak suite (SPEC §16)", () => {
  it("no outbound channel gives a reader a value, label or count of a record or field outside its sight", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(readerRoleArb, { minLength: 2, maxLength: 3 }), fc.array(fc.option(readerRoleArb, { freq: 2 }), { minLength: 3, maxLength: 3 }), fc.array(writeArb, { minLength: 8, maxLength: 20 }), async (roles, sets, writes) => {
        stats.sequences++;
        const readers = await createReaders(roles, sets);
        const owners = [...readers.map((reader) => reader.member.id), admin.id];
        for (const write of writes) await applyWrite(write, owners);
        for (const reader of readers) {
          const allowed = { member: await allowedTokens(reader.member), key: await allowedTokens(reader.key) };
          const others = readers.filter((other) => other !== reader);
          for (const read of Object.values(CHANNEL_READERS)) await read(reader, others, allowed);
        }
      }),
      { numRuns: Number(process.env.LEAK_RUNS ?? 20), endOnFailure: true },
    );
    // Every channel of the table was read.
    expect([...pairsByChannel.keys()].sort()).toEqual(Object.keys(OUTBOUND_CHANNELS).sort());
  }, 600_000);
});
