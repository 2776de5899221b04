/**
 * Webhooks (docs/reference.md §20) against a real receiver: a node:http server started here verifies the
 * `Rolecall-Signature` of each delivery with the secret shown once; a receiver that answers 500
 * twice gets the event on the third try, each retry waiting for its backoff (the sender is given
 * the instant it runs at, so no test waits); a payload never carries a rule about a field its
 * owner cannot see.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { createWebhookAction, deleteWebhookAction } from "@/app/settings/api-keys/actions";
import { updateRoleAction } from "@/app/settings/roles/actions";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { BACKOFF_SECONDS, dispatchDueWebhooks, MAX_ATTEMPTS } from "@/lib/webhooks/deliver";
import { listWebhooks } from "@/lib/webhooks/manage";
import { createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver that answers `failures` 500s, then 204s; it records every request. */
function receiver() {
  const state = { failures: 0, received: [] as Received[] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      state.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (state.failures > 0) {
        state.failures--;
        res.writeHead(500).end("not now");
      } else res.writeHead(204).end();
    });
  });
  return {
    state,
    server,
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does with the secret: recompute the HMAC of the raw body, compare in constant time. */
function signatureValid(secret: string, received: Received): boolean {
  const header = String(received.headers["rolecall-signature"] ?? "");
  const expected = `sha256=${createHmac("sha256", secret).update(received.body).digest("hex")}`;
  return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}

const hook = receiver();
let url: string;

beforeAll(async () => {
  url = await hook.listen();
});
afterAll(() => hook.close());

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
  hook.state.received.length = 0;
  hook.state.failures = 0;
});

async function touchRole(name: string, description: string) {
  const { workspace, roleId } = await loadDemo(db);
  const role = await loadRoleForEditor(db, workspace.id, roleId(name));
  const result = await updateRoleAction({ roleId: roleId(name), version: role!.version, draft: { ...role!.draft, description } });
  expect(result.ok).toBe(true);
}

describe("webhooks", () => {
  it("refuses members without API keys & webhooks and invalid input, and shows the secret only once", async () => {
    await actAs(db, "mia@acme.dev");
    const refused = await createWebhookAction({ url, events: ["role.*"] });
    expect(refused).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "FORBIDDEN" })] });
    await actAs(db, "admin@acme.dev");
    expect(await createWebhookAction({ url: "ftp://example.com/x", events: ["role.*"] })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "VALIDATION_FAILED", field: "url" })] });
    expect(await createWebhookAction({ url, events: [] })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "VALIDATION_FAILED", field: "events" })] });
    expect(await createWebhookAction({ url, events: ["record.*"] })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "VALIDATION_FAILED" })] });
    expect(await db.webhook.count()).toBe(0);

    const created = await createWebhookAction({ url, events: ["member.*"] });
    if (!created.ok) throw new Error("not created");
    expect(created.data.secret).toMatch(/^whsec_/);
    const { workspace } = await loadDemo(db);
    const listed = await listWebhooks(db, workspace.id);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.data.secret);
    expect(await db.auditLog.count({ where: { action: "webhook.created", targetId: created.data.id } })).toBe(1);
    expect((await deleteWebhookAction({ webhookId: created.data.id })).ok).toBe(true);
    expect(await listWebhooks(db, workspace.id)).toEqual([]);
  });

  it("signs role.updated, retries a receiver that answers 500 twice with backoff, and logs each attempt", async () => {
    const created = await createWebhookAction({ url, events: ["role.*"] });
    if (!created.ok) throw new Error("not created");
    const { secret, id } = created.data;
    hook.state.failures = 2;
    await touchRole("Guest", "Seen by the webhook");
    // A member event is not what this webhook asked for.
    expect(await db.webhookDelivery.count({ where: { webhookId: id } })).toBe(1);

    const t0 = new Date(Date.now() + 1_000);
    expect(await dispatchDueWebhooks(db, { now: t0, webhookId: id })).toEqual({ attempted: 1, delivered: 0 });
    let delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "HTTP_500" });
    expect(delivery.nextAttemptAt.getTime()).toBe(t0.getTime() + BACKOFF_SECONDS[0] * 1_000);
    // Not due yet: nothing is sent before the backoff has passed.
    expect(await dispatchDueWebhooks(db, { now: new Date(t0.getTime() + 5_000), webhookId: id })).toEqual({ attempted: 0, delivered: 0 });

    const t1 = new Date(t0.getTime() + BACKOFF_SECONDS[0] * 1_000);
    expect(await dispatchDueWebhooks(db, { now: t1, webhookId: id })).toEqual({ attempted: 1, delivered: 0 });
    const t2 = new Date(t1.getTime() + BACKOFF_SECONDS[1] * 1_000);
    expect(await dispatchDueWebhooks(db, { now: t2, webhookId: id })).toEqual({ attempted: 1, delivered: 1 });
    delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 204, lastError: null });

    expect(hook.state.received).toHaveLength(3);
    for (const received of hook.state.received) {
      expect(signatureValid(secret, received)).toBe(true);
      expect(signatureValid("whsec_wrong", received)).toBe(false);
      expect(received.headers["content-type"]).toBe("application/json");
      expect(received.headers["rolecall-event"]).toBe("role.updated");
    }
    const payload = JSON.parse(hook.state.received[2].body);
    expect(payload).toMatchObject({ id: delivery.id, event: "role.updated", actor: { type: "member", label: expect.any(String) }, target: { type: "role", label: "Guest" } });
    expect(payload.data.after.description).toBe("Seen by the webhook");

    const { workspace } = await loadDemo(db);
    const [listed] = await listWebhooks(db, workspace.id);
    expect(listed.deliveries).toEqual([expect.objectContaining({ event: "role.updated", status: "delivered", attempts: 3, responseStatus: 204 })]);
  });

  it("keeps retrying an unreachable receiver with growing waits, then gives up and says so", async () => {
    const dead = receiver();
    const deadUrl = await dead.listen();
    await dead.close(); // nothing listens there any more
    const created = await createWebhookAction({ url: deadUrl, events: ["role.*"] });
    if (!created.ok) throw new Error("not created");
    await touchRole("Guest", "Nobody hears this");
    let now = new Date(Date.now() + 1_000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await dispatchDueWebhooks(db, { now, webhookId: created.data.id })).toEqual({ attempted: 1, delivered: 0 });
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: created.data.id } });
      expect(delivery).toMatchObject({ attempts: attempt, lastError: "UNREACHABLE", status: attempt === MAX_ATTEMPTS ? "failed" : "pending" });
      if (attempt < MAX_ATTEMPTS) {
        expect(delivery.nextAttemptAt.getTime() - now.getTime()).toBe(BACKOFF_SECONDS[attempt - 1] * 1_000);
        now = delivery.nextAttemptAt;
      }
    }
    expect(await dispatchDueWebhooks(db, { now: new Date(now.getTime() + 86_400_000), webhookId: created.data.id })).toEqual({ attempted: 0, delivered: 0 });
  });

  it("cuts the payload to its owner's sight: no rule about a field the owner cannot see, nothing once the owner lost access", async () => {
    const { workspace, roleId } = await loadDemo(db);
    // Noah administers API keys & webhooks and sees every object except the Address of People.
    const integrator = await createRole(db, workspace.id, {} as ObjectIndex, {
      name: "Integrator",
      canSeeAllObjects: true,
      settings: ["API_KEYS_AND_WEBHOOKS"],
      fieldRules: [{ object: "person", field: "address", canSee: false, canEdit: false }],
    });
    const noah = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "noah@acme.dev" } } });
    await db.workspaceMember.update({ where: { id: noah.id }, data: { roleId: integrator.id } });

    await actAs(db, "noah@acme.dev");
    const noahs = await createWebhookAction({ url, events: ["role.*"] });
    await actAs(db, "admin@acme.dev");
    const admins = await createWebhookAction({ url, events: ["role.*"] });
    if (!noahs.ok || !admins.ok) throw new Error("not created");

    // The Admin changes the Intern's rules on the Address of People (the Intern never sees it).
    const intern = (await loadRoleForEditor(db, workspace.id, roleId("Intern")))!;
    expect(intern.draft.fieldRules.some((rule) => rule.object === "person" && rule.field === "address")).toBe(true);
    expect((await updateRoleAction({ roleId: roleId("Intern"), version: intern.version, draft: { ...intern.draft, description: "Changed" } })).ok).toBe(true);

    await dispatchDueWebhooks(db, { now: new Date(Date.now() + 1_000) });
    const bodies = hook.state.received.map((received) => ({ secret: signatureValid(noahs.data.secret, received) ? "noah" : signatureValid(admins.data.secret, received) ? "admin" : "?", payload: JSON.parse(received.body) }));
    const forNoah = bodies.find((body) => body.secret === "noah")!.payload;
    const forAdmin = bodies.find((body) => body.secret === "admin")!.payload;
    expect(forAdmin.data.after.fieldRules.some((rule: { field: string }) => rule.field === "address")).toBe(true);
    expect(forNoah.data.after.fieldRules.some((rule: { object: string; field: string }) => rule.object === "person" && rule.field === "address")).toBe(false);
    expect(forNoah.data.before.fieldRules.some((rule: { object: string; field: string }) => rule.object === "person" && rule.field === "address")).toBe(false);
    expect(JSON.stringify(forNoah)).not.toMatch(/"address"/);

    // Noah loses API keys & webhooks: his webhook sends nothing more.
    await db.workspaceMember.update({ where: { id: noah.id }, data: { roleId: roleId("Member") } });
    hook.state.received.length = 0;
    await touchRole("Guest", "After Noah lost access");
    await dispatchDueWebhooks(db, { now: new Date(Date.now() + 2_000) });
    expect(hook.state.received.filter((received) => signatureValid(admins.data.secret, received))).toHaveLength(1);
    expect(hook.state.received.filter((received) => signatureValid(noahs.data.secret, received))).toHaveLength(0);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: noahs.data.id, status: "failed" } })).toMatchObject({ lastError: "OWNER_NO_ACCESS", attempts: 0 });
  });
});
