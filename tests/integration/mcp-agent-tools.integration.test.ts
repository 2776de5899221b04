/**
 * The agent tools through a real MCP client (official SDK, in-memory transport) against a copy of
 * the demo workspace: the demo agent "Sales assistant" as a Member, then reassigned to the Intern
 * role on the same connection, an agent without a role (default role), and `runAgentTool` invoked
 * by an Admin on behalf of a Guest agent (SPEC §5: an agent never exceeds its own role).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { createAgentMcpServer, runAgentTool, AGENT_TOOL_NAMES } from "@/lib/agents";
import { createAgent } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();

type Demo = Awaited<ReturnType<typeof loadDemo>>;
let demo: Demo;
let salesAssistantId: string;
let admin: Principal;
const closers: (() => Promise<void>)[] = [];

interface ToolAnswer {
  isError: boolean;
  text: string;
  /** JSON from the wire, checked by the assertions. */
  body: any;
}

async function connect(agentId: string) {
  const server = createAgentMcpServer(db, agentId);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "rolecall-test", version: "1.0.0" });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  closers.push(async () => {
    await client.close();
    await server.close();
  });
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text: string }[];
  expect(content).toHaveLength(1);
  expect(content[0].type).toBe("text");
  const text = content[0].text;
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null; // the SDK's own input validation answers in prose
  }
  return { isError: result.isError === true, text, body };
}

/** The person the write tests change, with every field as stored (read directly, not through a role). */
async function storedPerson(id: string): Promise<Record<string, unknown>> {
  const row = await db.record.findUniqueOrThrow({ where: { id } });
  return { ...(JSON.parse(row.data) as Record<string, unknown>), deletedAt: row.deletedAt };
}

async function somePersonWithAddress() {
  const people = await db.record.findMany({
    where: { workspaceId: demo.workspace.id, object: { nameSingular: "person" }, deletedAt: null },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  const row = people.find((candidate) => typeof (JSON.parse(candidate.data) as { address?: unknown }).address === "string");
  if (!row) throw new Error("The demo workspace has no person with an address");
  return { id: row.id, data: JSON.parse(row.data) as { name: string; address: string; email: string; jobTitle?: string } };
}

async function someRecordId(nameSingular: string) {
  const row = await db.record.findFirstOrThrow({
    where: { workspaceId: demo.workspace.id, object: { nameSingular }, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  return row.id;
}

beforeAll(async () => {
  demo = await loadDemo(db);
  salesAssistantId = (await db.agent.findFirstOrThrow({ where: { workspaceId: demo.workspace.id, name: "Sales assistant" } })).id;
  const adminMember = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: demo.workspace.id, user: { email: "admin@acme.dev" } } });
  admin = (await memberPrincipal(db, adminMember.id))!;
});

afterEach(async () => {
  // Each test leaves the demo agent as seeded.
  await db.agent.update({ where: { id: salesAssistantId }, data: { roleId: demo.roleId("Member") } });
  await db.workspace.update({ where: { id: demo.workspace.id }, data: { defaultRoleId: demo.roleId("Member") } });
});

afterAll(async () => {
  for (const close of closers) await close();
});

describe("the tool list", () => {
  it("offers the six record tools with zod-derived, strict JSON schemas", async () => {
    const client = await connect(salesAssistantId);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...AGENT_TOOL_NAMES].sort());

    const find = tools.find((tool) => tool.name === "find_records")!;
    expect(find.inputSchema.required).toEqual(["object"]);
    expect(find.inputSchema.additionalProperties).toBe(false);
    expect(find.inputSchema.properties).toMatchObject({
      object: { type: "string" },
      filter: { type: "string" },
      orderBy: { type: "string" },
      limit: { type: "integer", minimum: 1, maximum: 200 },
      cursor: { type: "string" },
      search: { type: "string" },
    });
    expect(find.annotations).toMatchObject({ readOnlyHint: true });
    const update = tools.find((tool) => tool.name === "update_record")!;
    expect(update.inputSchema.required).toEqual(["object", "id", "values"]);
    expect(tools.find((tool) => tool.name === "delete_record")!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  });
});

describe("the Sales assistant as a Member", () => {
  it("lists every object, with Address visible and editable", async () => {
    const client = await connect(salesAssistantId);
    const { isError, body } = await call(client, "list_objects");
    expect(isError).toBe(false);
    expect(body.actingAs).toEqual({ agent: "Sales assistant", role: "Member" });
    expect(body.objects.map((object: { name: string }) => object.name)).toEqual(["people", "companies", "opportunities", "notes", "tasks"]);
    const people = body.objects.find((object: { name: string }) => object.name === "people");
    expect(people).toMatchObject({ canCreate: true, canUpdate: true, canDelete: true });
    expect(people.fields.find((field: { name: string }) => field.name === "address")).toMatchObject({ editable: true });
    expect(people.fields.find((field: { name: string }) => field.name === "id")).toMatchObject({ editable: false });
    expect(people.fields.find((field: { name: string }) => field.name === "companyId")).toMatchObject({ type: "RELATION", relationTo: "company" });
  });

  it("finds records with filter, orderBy, limit and cursor, as REST does", async () => {
    const client = await connect(salesAssistantId);
    const first = await call(client, "find_records", { object: "opportunities", orderBy: "name:desc", limit: 3 });
    expect(first.isError).toBe(false);
    expect(first.body.data).toHaveLength(3);
    expect(first.body.pageInfo.hasNextPage).toBe(true);
    const names = first.body.data.map((record: { name: string }) => record.name);
    expect(names).toEqual([...names].sort().reverse());

    const next = await call(client, "find_records", { object: "opportunities", orderBy: "name:desc", limit: 3, cursor: first.body.pageInfo.endCursor });
    expect(next.isError).toBe(false);
    expect(next.body.data[0].id).not.toBe(first.body.data[2].id);

    const person = await somePersonWithAddress();
    const filtered = await call(client, "find_records", { object: "people", filter: `address[eq]:${person.data.address}` });
    expect(filtered.body.data.map((record: { id: string }) => record.id)).toContain(person.id);
    expect(filtered.body.data[0]).toHaveProperty("address", person.data.address);
  });

  it("creates, gets and deletes (to the trash) a record, each write audited as the agent", async () => {
    const client = await connect(salesAssistantId);
    const created = await call(client, "create_record", { object: "people", values: { name: "Grace Hopper", jobTitle: "Rear admiral", city: "Arlington" } });
    expect(created.isError).toBe(false);
    const id = created.body.data.id as string;
    expect(created.body.data).toMatchObject({ name: "Grace Hopper", jobTitle: "Rear admiral", city: "Arlington", deletedAt: null });

    const got = await call(client, "get_record", { object: "person", id });
    expect(got.body.data).toMatchObject({ id, name: "Grace Hopper" });

    const deleted = await call(client, "delete_record", { object: "people", id });
    expect(deleted.isError).toBe(false);
    expect(deleted.body.data.deletedAt).toEqual(expect.any(String));
    expect((await storedPerson(id)).deletedAt).not.toBeNull();

    const again = await call(client, "delete_record", { object: "people", id });
    expect(again).toMatchObject({ isError: true, body: { error: { code: "RECORD_IN_TRASH", object: "people" } } });

    const entries = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.actorType, entry.actorId, entry.actorLabel])).toEqual([
      ["record.created", "agent", salesAssistantId, "Sales assistant"],
      ["record.deleted", "agent", salesAssistantId, "Sales assistant"],
    ]);
  });

  it("answers bad input as tool errors, never as a thrown protocol error", async () => {
    const client = await connect(salesAssistantId);
    const tooMany = await call(client, "find_records", { object: "people", limit: 500 });
    expect(tooMany.isError).toBe(true);
    expect(tooMany.text).toContain("limit");

    const unknownKey = await call(client, "find_records", { object: "people", where: "city[eq]:Paris" });
    expect(unknownKey.isError).toBe(true);
    expect(unknownKey.text).toContain("where");

    const badFilter = await call(client, "find_records", { object: "people", filter: "city=Paris" });
    expect(badFilter).toMatchObject({ isError: true, body: { error: { code: "VALIDATION_FAILED", field: "filter" } } });

    const unknownField = await call(client, "update_record", { object: "people", id: await someRecordId("person"), values: { shoeSize: 44 } });
    expect(unknownField).toMatchObject({ isError: true, body: { error: { code: "UNKNOWN_FIELD", object: "people", field: "shoeSize" } } });

    const missing = await call(client, "get_record", { object: "people", id: "no-such-id" });
    expect(missing).toMatchObject({ isError: true, body: { error: { code: "NOT_FOUND", object: "people" } } });

    const badValue = await call(client, "update_record", { object: "people", id: await someRecordId("person"), values: { email: "not an email" } });
    expect(badValue).toMatchObject({ isError: true, body: { error: { code: "VALIDATION_FAILED", field: "email" } } });
  });

  it("answers for an agent that no longer exists with a tool error", async () => {
    const agent = await createAgent(db, { workspaceId: demo.workspace.id, name: "Short-lived", roleId: demo.roleId("Member") });
    const client = await connect(agent.id);
    expect((await call(client, "list_objects")).isError).toBe(false);
    await db.agent.delete({ where: { id: agent.id } });
    const answer = await call(client, "list_objects");
    expect(answer).toMatchObject({ isError: true, body: { error: { code: "NOT_FOUND" } } });
  });
});

describe("the Sales assistant reassigned to the Intern role", () => {
  it("takes effect on the next call of an open connection", async () => {
    const client = await connect(salesAssistantId);
    expect((await call(client, "find_records", { object: "opportunities", limit: 1 })).isError).toBe(false);

    await db.agent.update({ where: { id: salesAssistantId }, data: { roleId: demo.roleId("Intern") } });

    const answer = await call(client, "find_records", { object: "opportunities", limit: 1 });
    expect(answer.isError).toBe(true);
    expect(answer.body.error).toMatchObject({ code: "FORBIDDEN", object: "opportunities", reason: "OBJECT_NOT_VISIBLE" });
    expect(answer.body.error.message).toContain('"opportunities"');
  });

  it("does not see Opportunities: absent from list_objects, refused by every tool", async () => {
    await db.agent.update({ where: { id: salesAssistantId }, data: { roleId: demo.roleId("Intern") } });
    const client = await connect(salesAssistantId);
    const opportunityId = await someRecordId("opportunity");

    const listed = await call(client, "list_objects");
    expect(listed.body.actingAs).toEqual({ agent: "Sales assistant", role: "Intern" });
    expect(listed.body.objects.map((object: { name: string }) => object.name)).toEqual(["people", "companies", "notes", "tasks"]);
    expect(listed.text).not.toContain("opportunit");

    for (const [tool, args] of [
      ["find_records", { object: "opportunities" }],
      ["get_record", { object: "opportunities", id: opportunityId }],
      ["create_record", { object: "opportunities", values: { name: "Sneaky deal" } }],
      ["update_record", { object: "opportunity", id: opportunityId, values: { name: "Renamed" } }],
      ["delete_record", { object: "opportunities", id: opportunityId }],
    ] as const) {
      const answer = await call(client, tool, args);
      expect(answer.isError, tool).toBe(true);
      expect(answer.body.error, tool).toMatchObject({ code: "FORBIDDEN", reason: "OBJECT_NOT_VISIBLE" });
      expect(answer.body.error.object, tool).toMatch(/^opportunit/);
    }
    expect(await db.auditLog.count({ where: { actorId: salesAssistantId, targetId: opportunityId } })).toBe(0);
  });

  it("never sees a person's Address: not listed, not returned, not searchable, filterable or sortable", async () => {
    await db.agent.update({ where: { id: salesAssistantId }, data: { roleId: demo.roleId("Intern") } });
    const client = await connect(salesAssistantId);
    const person = await somePersonWithAddress();

    const listed = await call(client, "list_objects");
    const people = listed.body.objects.find((object: { name: string }) => object.name === "people");
    expect(people.fields.map((field: { name: string }) => field.name)).not.toContain("address");

    const answers = [
      await call(client, "find_records", { object: "people", limit: 200 }),
      await call(client, "find_records", { object: "people", filter: `id[eq]:${person.id}`, includeDeleted: true }),
      await call(client, "get_record", { object: "people", id: person.id }),
    ];
    for (const answer of answers) {
      expect(answer.isError).toBe(false);
      const records = Array.isArray(answer.body.data) ? answer.body.data : [answer.body.data];
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(record).not.toHaveProperty("address");
      expect(answer.text).not.toContain(person.data.address);
    }

    // Searching for the address must not find the person through the hidden field.
    const searched = await call(client, "find_records", { object: "people", search: person.data.address });
    expect(searched.body.data.map((record: { id: string }) => record.id)).not.toContain(person.id);

    const filtered = await call(client, "find_records", { object: "people", filter: `address[like]:${person.data.address.slice(0, 5)}` });
    expect(filtered.body.error).toMatchObject({ code: "FORBIDDEN", object: "people", field: "address", reason: "FIELD_NOT_VISIBLE" });
    const sorted = await call(client, "find_records", { object: "people", orderBy: "address:desc" });
    expect(sorted.body.error).toMatchObject({ code: "FORBIDDEN", object: "people", field: "address", reason: "FIELD_NOT_VISIBLE" });
    const written = await call(client, "update_record", { object: "people", id: person.id, values: { address: "1 Infinite Loop" } });
    expect(written.body.error).toMatchObject({ code: "FORBIDDEN", object: "people", field: "address", reason: "FIELD_NOT_VISIBLE" });
    expect((await storedPerson(person.id)).address).toBe(person.data.address);
  });

  it("refuses to change Email, naming the field, and changes Job title, audited as the agent", async () => {
    await db.agent.update({ where: { id: salesAssistantId }, data: { roleId: demo.roleId("Intern") } });
    const client = await connect(salesAssistantId);
    const person = await somePersonWithAddress();

    const email = await call(client, "update_record", { object: "people", id: person.id, values: { jobTitle: "Ignored", email: "new@example.com" } });
    expect(email.isError).toBe(true);
    expect(email.body.error).toMatchObject({ code: "FORBIDDEN", object: "people", field: "email", reason: "FIELD_READ_ONLY" });
    expect(email.body.error.message).toBe('The field "email" of "people" is read-only for your role.');
    const unchanged = await storedPerson(person.id);
    expect(unchanged.email).toBe(person.data.email);
    expect(unchanged.jobTitle).toBe(person.data.jobTitle);

    const before = await db.auditLog.count({ where: { targetId: person.id } });
    const jobTitle = await call(client, "update_record", { object: "people", id: person.id, values: { jobTitle: "Head of Partnerships" } });
    expect(jobTitle.isError).toBe(false);
    expect(jobTitle.body.data).toMatchObject({ id: person.id, jobTitle: "Head of Partnerships", email: person.data.email });
    expect(jobTitle.body.data).not.toHaveProperty("address");
    expect((await storedPerson(person.id)).jobTitle).toBe("Head of Partnerships");
    expect((await storedPerson(person.id)).address).toBe(person.data.address);

    const entries = await db.auditLog.findMany({ where: { targetId: person.id }, orderBy: { createdAt: "asc" } });
    expect(entries).toHaveLength(before + 1);
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({
      action: "record.updated",
      actorType: "agent",
      actorId: salesAssistantId,
      actorLabel: "Sales assistant",
      targetType: "person",
      targetLabel: person.data.name,
    });
    // The snapshots are what the agent could see: the hidden Address is not in the log either.
    expect(JSON.parse(entry.after!)).toMatchObject({ jobTitle: "Head of Partnerships" });
    expect(entry.before).not.toContain(person.data.address);
    expect(entry.after).not.toContain(person.data.address);
  });

  it("may not delete People nor create Companies (object permissions)", async () => {
    await db.agent.update({ where: { id: salesAssistantId }, data: { roleId: demo.roleId("Intern") } });
    const client = await connect(salesAssistantId);
    const deleted = await call(client, "delete_record", { object: "people", id: await someRecordId("person") });
    expect(deleted.body.error).toMatchObject({ code: "FORBIDDEN", object: "people", reason: "OBJECT_NOT_DELETABLE" });
    const created = await call(client, "create_record", { object: "companies", values: { name: "Initech" } });
    expect(created.body.error).toMatchObject({ code: "FORBIDDEN", object: "companies", reason: "OBJECT_NOT_CREATABLE" });
  });
});

describe("an agent without a role", () => {
  it("acts with the workspace's default role, whichever it is at the time of the call", async () => {
    const agent = await createAgent(db, { workspaceId: demo.workspace.id, name: "Roleless helper", roleId: null });
    const client = await connect(agent.id);

    const asMember = await call(client, "list_objects");
    expect(asMember.body.actingAs).toEqual({ agent: "Roleless helper", role: "Member" });
    expect((await call(client, "find_records", { object: "opportunities", limit: 1 })).isError).toBe(false);

    await db.workspace.update({ where: { id: demo.workspace.id }, data: { defaultRoleId: demo.roleId("Intern") } });
    expect((await call(client, "list_objects")).body.actingAs.role).toBe("Intern");
    const refused = await call(client, "find_records", { object: "opportunities", limit: 1 });
    expect(refused.body.error).toMatchObject({ code: "FORBIDDEN", object: "opportunities" });
  });
});

describe("runAgentTool, as a workflow calls it", () => {
  it("gives an Admin's Guest agent no more than Guest rights", async () => {
    const guestAgent = await createAgent(db, { workspaceId: demo.workspace.id, name: "Guest bot", roleId: demo.roleId("Guest") });
    const personId = await someRecordId("person");
    const before = await storedPerson(personId);
    const invocation = { agentId: guestAgent.id, invokedBy: admin };

    const read = await runAgentTool(db, invocation, "get_record", { object: "people", id: personId });
    expect(read.ok).toBe(true);

    const update = await runAgentTool(db, invocation, "update_record", { object: "people", id: personId, values: { jobTitle: "CEO" } });
    expect(update).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", object: "people", reason: "OBJECT_NOT_EDITABLE", message: 'Your role cannot edit records of "people".' },
    });
    const remove = await runAgentTool(db, invocation, "delete_record", { object: "people", id: personId });
    expect(remove).toMatchObject({ ok: false, error: { code: "FORBIDDEN", reason: "OBJECT_NOT_DELETABLE" } });
    expect(await storedPerson(personId)).toEqual(before);
    expect(await db.auditLog.count({ where: { actorId: guestAgent.id } })).toBe(0);
  });

  it("audits the agent as the actor and names the invoker in the label", async () => {
    const personId = await someRecordId("person");
    const result = await runAgentTool(db, { agentId: salesAssistantId, invokedBy: admin }, "update_record", {
      object: "people",
      id: personId,
      values: { city: "Lyon" },
    });
    expect(result).toMatchObject({ ok: true, data: { data: { id: personId, city: "Lyon" } } });
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: personId, action: "record.updated" }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ actorType: "agent", actorId: salesAssistantId, actorLabel: `Sales assistant (invoked by ${admin.label})` });
  });

  it("refuses an invoker of another workspace and unknown tools", async () => {
    const foreign = await runAgentTool(db, { agentId: salesAssistantId, invokedBy: { label: "Mallory", workspaceId: "another-workspace" } }, "list_objects", {});
    expect(foreign).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const unknown = await runAgentTool(db, { agentId: salesAssistantId }, "destroy_everything", {});
    expect(unknown).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", field: "tool" } });
    const invalid = await runAgentTool(db, { agentId: salesAssistantId }, "find_records", { object: "people", limit: 0 });
    expect(invalid).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", field: "limit" } });
  });
});
