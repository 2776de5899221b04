/**
 * Access requests and approvals (docs/reference.md §18) on the demo: a refusal names the smallest grant
 * (records domain, REST 403, MCP); Gus asks for it, one open request per grant; a delegate who
 * lacks it cannot approve it; Ada approves, Gus edits, the set ends on time; denial with a reason;
 * nobody decides their own; an agent's request goes to its sponsor and its retry succeeds.
 * Every refusal changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { approveAccessRequest, denyAccessRequest, listApprovableRequests, listOwnRequests, requestAccess } from "@/lib/access-requests/requests";
import { apiFetch } from "@/lib/api/router";
import type { ApiDeps } from "@/lib/api/context";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { runAgentTool } from "@/lib/agents";
import { isDomainError } from "@/lib/errors";
import { updateRecord } from "@/lib/records";
import { createMember, createRole as seedRole } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";
import { fullTableSnapshot } from "./refusal";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
let workspaceId = "";
let roleIds: (name: string) => string;
let personId = "";
const DAY = 86_400_000;

async function member(email: string, now = new Date()): Promise<Principal> {
  const row = await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });
  return (await memberPrincipal(db, row.id, now))!;
}

async function refusal(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("not refused");
}

/** Refused with `code`, and not one row of any table changed. */
async function expectRefused(call: () => Promise<unknown>, code: string) {
  const before = await fullTableSnapshot(db);
  const error = await refusal(call);
  expect(error.code).toBe(code);
  expect(await fullTableSnapshot(db)).toBe(before);
}

const editPeople = { kind: "object", action: "edit", object: "people" } as const;

beforeAll(async () => {
  const demo = await loadDemo(db);
  workspaceId = demo.workspace.id;
  roleIds = demo.roleId;
  personId = (await db.record.findFirstOrThrow({ where: { workspaceId, object: { nameSingular: "person" }, deletedAt: null } })).id;
});

describe("access requests", () => {
  it("a refusal names the smallest grant: Gus needs Edit records on People", async () => {
    const gus = await member("gus@acme.dev");
    const error = await refusal(() => db.$transaction((tx) => updateRecord(tx, gus, "people", personId, { jobTitle: "CEO" })));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.details.needs).toEqual({ permission: { kind: "object", action: "edit", object: "people" }, labels: { object: "People" } });
  });

  it("Gus asks with a reason for 1 day; a second ask answers with the open one; bad asks change nothing", async () => {
    const gus = await member("gus@acme.dev");
    await expectRefused(() => db.$transaction((tx) => requestAccess(tx, gus, { permission: editPeople, reason: "  ", for: "1d" })), "VALIDATION_FAILED");
    await expectRefused(() => db.$transaction((tx) => requestAccess(tx, gus, { permission: editPeople, reason: "Fix typos", for: new Date(Date.now() + 8 * DAY).toISOString() })), "ACCESS_PERIOD_TOO_LONG");
    await expectRefused(() => db.$transaction((tx) => requestAccess(tx, gus, { permission: { kind: "object", action: "see", object: "people" }, reason: "x", for: "1h" })), "ACCESS_ALREADY_GRANTED");

    const first = await db.$transaction((tx) => requestAccess(tx, gus, { permission: editPeople, reason: "Fix typos in contacts", for: "1d" }));
    expect(first.existing).toBe(false);
    expect(first.request).toMatchObject({ status: "open", permission: { kind: "object", action: "edit", object: "person" }, periodSeconds: 86_400, requester: { label: "Gus Guest" } });
    const before = await fullTableSnapshot(db);
    const second = await db.$transaction((tx) => requestAccess(tx, gus, { permission: { kind: "object", action: "edit", object: "person" }, reason: "Again", for: "1h" }));
    expect(second).toMatchObject({ existing: true, request: { id: first.request.id } });
    expect(await fullTableSnapshot(db)).toBe(before);
    expect(await db.auditLog.count({ where: { workspaceId, action: "accessRequest.created", targetId: first.request.id } })).toBe(1);
  });

  it("a delegate who lacks the grant does not see it as approvable and cannot approve it", async () => {
    const role = await seedRole(db, workspaceId, {}, { name: "Request delegate", canSeeAllObjects: true, settings: ["ROLES"] });
    await createMember(db, { workspaceId, roleId: role.id, email: "request-delegate@acme.dev", name: "Request Delegate", passwordHash: "x" });
    const delegate = await member("request-delegate@acme.dev");
    expect(await listApprovableRequests(db, delegate)).toEqual([]);
    const [open] = await listOwnRequests(db, await member("gus@acme.dev"));
    await expectRefused(() => db.$transaction((tx) => approveAccessRequest(tx, delegate, open.id)), "EXCEEDS_AUTHORITY");
    await expectRefused(() => db.$transaction((tx) => approveAccessRequest(tx, delegate, "nope")), "NOT_FOUND");
    // Gus has no Roles permission: he sees nothing to approve, and approving is refused.
    const gus = await member("gus@acme.dev");
    expect(await listApprovableRequests(db, gus)).toEqual([]);
    await expectRefused(() => db.$transaction((tx) => approveAccessRequest(tx, gus, open.id)), "OWN_REQUEST");
  });

  it("Ada sees who, why, how long and the impact, approves; Gus edits until the set ends, all audited", async () => {
    const ada = await member("ada@acme.dev");
    const [request] = (await listApprovableRequests(db, ada)).filter((candidate) => candidate.requester.label === "Gus Guest");
    expect(request).toMatchObject({ reason: "Fix typos in contacts", periodSeconds: 86_400 });
    expect(request.gains).toContainEqual({ kind: "object", action: "edit", object: "person" });
    expect(request.gains.every((gain) => gain.kind === "object" || gain.kind === "field")).toBe(true);

    const now = new Date();
    const approved = await db.$transaction((tx) => approveAccessRequest(tx, ada, request.id, now));
    expect(approved).toMatchObject({ status: "approved", decidedBy: "Ada Lovelace", expiresAt: new Date(now.getTime() + DAY).toISOString() });
    await expectRefused(() => db.$transaction((tx) => approveAccessRequest(tx, ada, request.id)), "REQUEST_NOT_OPEN");

    const gus = await member("gus@acme.dev");
    const updated = await db.$transaction((tx) => updateRecord(tx, gus, "people", personId, { jobTitle: "Chief typo officer" }));
    expect(updated.jobTitle).toBe("Chief typo officer");
    const actions = (await db.auditLog.findMany({ where: { workspaceId, action: { in: ["accessRequest.approved", "permissionSet.assigned"] }, targetLabel: "Gus Guest" } })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["accessRequest.approved", "permissionSet.assigned"]));
    expect(await db.outboxMessage.count({ where: { workspaceId, to: "gus@acme.dev", subject: { startsWith: "Access request approved" } } })).toBe(1);
    expect((await listOwnRequests(db, gus))[0]).toMatchObject({ status: "approved" });

    // A day later the set has ended by itself: refused again, and the audit log says so.
    const later = await member("gus@acme.dev", new Date(now.getTime() + DAY + 1000));
    expect((await refusal(() => db.$transaction((tx) => updateRecord(tx, later, "people", personId, { jobTitle: "x" })))).code).toBe("FORBIDDEN");
    expect(await db.auditLog.count({ where: { workspaceId, action: "permissionSet.expired", targetLabel: "Gus Guest" } })).toBe(1);
  });

  it("denying needs a reason; the requester sees it; nobody decides their own", async () => {
    const gus = await member("gus@acme.dev");
    const { request } = await db.$transaction((tx) => requestAccess(tx, gus, { permission: { kind: "action", key: "EXPORT_CSV" }, reason: "Quarterly report", for: "1w" }));
    const ada = await member("ada@acme.dev");
    await expectRefused(() => db.$transaction((tx) => denyAccessRequest(tx, ada, request.id, " ")), "VALIDATION_FAILED");
    const denied = await db.$transaction((tx) => denyAccessRequest(tx, ada, request.id, "Ask Olivia for the report"));
    expect(denied).toMatchObject({ status: "denied", decisionReason: "Ask Olivia for the report" });
    expect(await db.auditLog.count({ where: { workspaceId, action: "accessRequest.denied", targetLabel: "Gus Guest" } })).toBe(1);

    // A delegate who may grant Export CSV asks for something herself: she cannot approve it.
    const role = await seedRole(db, workspaceId, {}, { name: "Self approver", canSeeAllObjects: true, settings: ["ROLES"], actions: ["EXPORT_CSV"] });
    await createMember(db, { workspaceId, roleId: role.id, email: "self-approver@acme.dev", name: "Self Approver", passwordHash: "x" });
    const self = await member("self-approver@acme.dev");
    const own = await db.$transaction((tx) => requestAccess(tx, self, { permission: { kind: "action", key: "IMPORT_CSV" }, reason: "Import leads", for: "1h" }));
    expect((await listApprovableRequests(db, self)).map((candidate) => candidate.id)).not.toContain(own.request.id);
    await expectRefused(() => db.$transaction((tx) => approveAccessRequest(tx, self, own.request.id)), "OWN_REQUEST");
  });

  it("REST: the 403 carries `needs`, beside the same code, message and field; POST me/access-requests asks for it", async () => {
    const patch = new Request(`http://localhost/api/rest/people/${personId}`, { method: "PATCH", headers: { authorization: "Bearer demo-intern-key", "content-type": "application/json" }, body: JSON.stringify({ email: "x@y.z" }) });
    const refused = await apiFetch(deps)(patch);
    expect(refused.status).toBe(403);
    const body = await refused.json();
    expect(body.error).toMatchObject({ code: "FORBIDDEN", field: "email" });
    expect(Object.keys(body.error)).toEqual(["code", "message", "field", "needs"]);
    expect(body.error.needs).toEqual({
      permission: { kind: "field", action: "edit", object: "people", field: "email" },
      message: "Needs Edit field Email on People",
      request: { method: "POST", path: "/api/rest/me/access-requests" },
    });

    const ask = () =>
      apiFetch(deps)(new Request("http://localhost/api/rest/me/access-requests", { method: "POST", headers: { authorization: "Bearer demo-intern-key", "content-type": "application/json" }, body: JSON.stringify({ permission: body.error.needs.permission, reason: "Sync e-mail addresses", for: "1h" }) }));
    const created = await ask();
    expect(created.status).toBe(201);
    expect((await created.json()).data).toMatchObject({ status: "open", permission: { kind: "field", action: "edit", object: "person", field: "email" }, requester: { kind: "apiKey" } });
    const again = await ask();
    expect(again.status).toBe(200);
    expect((await again.json()).existing).toBe(true);
  });

  it("MCP: an agent refused update_record calls request_access; its sponsor approves; the retry succeeds", async () => {
    const agent = await db.agent.findFirstOrThrow({ where: { workspaceId, name: "Sales assistant" } });
    await db.agent.update({ where: { id: agent.id }, data: { roleId: roleIds("Guest") } });
    const invocation = { agentId: agent.id };
    const refused = await runAgentTool(db, invocation, "update_record", { object: "people", id: personId, values: { city: "Lyon" } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: "FORBIDDEN", needs: { permission: { kind: "object", action: "edit", object: "people" }, message: "Needs Edit records on People", request: { tool: "request_access" } } });

    const asked = await runAgentTool(db, invocation, "request_access", { permission: refused.error.needs!.permission, reason: "Update the city from the last call", for: "1h" });
    expect(asked.ok).toBe(true);
    const requestId = (asked as { data: { data: { id: string } } }).data.data.id;
    // Routed to its sponsor (Alex Admin): a member who may grant it but is not the sponsor does not see it.
    const role = await seedRole(db, workspaceId, {}, { name: "Not the sponsor", canSeeAllObjects: true, canEditAllObjects: true, settings: ["ROLES"] });
    await createMember(db, { workspaceId, roleId: role.id, email: "not-sponsor@acme.dev", name: "Not Sponsor", passwordHash: "x" });
    expect((await listApprovableRequests(db, await member("not-sponsor@acme.dev"))).map((request) => request.id)).not.toContain(requestId);
    const sponsor = await member("admin@acme.dev");
    expect((await listApprovableRequests(db, sponsor)).map((request) => request.id)).toContain(requestId);
    await db.$transaction((tx) => approveAccessRequest(tx, sponsor, requestId));

    const retry = await runAgentTool(db, invocation, "update_record", { object: "people", id: personId, values: { city: "Lyon" } });
    expect(retry).toMatchObject({ ok: true, data: { data: { city: "Lyon" } } });
  });
});
