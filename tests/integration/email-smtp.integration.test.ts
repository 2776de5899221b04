/**
 * E-mail over SMTP (docs/reference.md §20) against a real SMTP server (the `smtp-server` package) started
 * here: with `SMTP_URL` set, the invitation and the workflow digest are queued in the outbox and
 * handed to the server by the delivery loop; with the server down a message stays queued with its
 * error, visible in the outbox, and goes out at a later attempt; without `SMTP_URL` messages stay
 * in the outbox as before. The sender is given the instant it runs at: no test waits.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { inviteMemberAction } from "@/app/settings/members/actions";
import { runWorkflowAction } from "@/app/settings/workflows/actions";
import { memberPrincipal } from "@/lib/access/principal";
import { listOutbox } from "@/lib/email/outbox";
import { dispatchDueEmails, EMAIL_BACKOFF_SECONDS, smtpTransport } from "@/lib/email/smtp";

const db = useDemoDatabase();

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

function smtpServer(received: Mail[], port = 0) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"], // a loopback test server: plain SMTP
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(port, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const original = process.env.SMTP_URL;
afterAll(() => {
  if (original === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = original;
});

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

const later = (seconds: number) => new Date(Date.now() + seconds * 1_000);

describe("e-mail over SMTP", () => {
  it("without SMTP_URL, an invitation stays in the outbox and nothing is sent", async () => {
    delete process.env.SMTP_URL;
    const invited = await inviteMemberAction({ name: "Olga Outbox", email: "olga@example.com" });
    expect(invited.ok).toBe(true);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: "olga@example.com" } });
    expect(message).toMatchObject({ status: "stored", attempts: 0 });
    expect(message.body).not.toContain(invited.ok ? invited.data.temporaryPassword : "-");
    expect(await dispatchDueEmails(db, { now: later(1), transport: null })).toEqual({ attempted: 0, sent: 0 });
  });

  it("sends the invitation and the workflow digest to a real SMTP server", async () => {
    const received: Mail[] = [];
    const server = smtpServer(received);
    const port = await server.listen();
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
      const invited = await inviteMemberAction({ name: "Sara Smtp", email: "sara@example.com" });
      expect(invited.ok).toBe(true);
      const digest = await runWorkflowAction({ workflowId: "stale-opportunities" });
      expect(digest.ok).toBe(true);
      expect(await db.outboxMessage.count({ where: { status: "queued" } })).toBe(2);

      expect(await dispatchDueEmails(db, { now: later(1), transport: smtpTransport(), from: "Rolecall <rolecall@example.com>" })).toEqual({ attempted: 2, sent: 2 });
      const invitation = received.find((mail) => mail.to.includes("sara@example.com"))!;
      expect(invitation.from).toBe("rolecall@example.com");
      expect(invitation.raw).toMatch(/Subject: .*invited you to Acme/);
      expect(invitation.raw).not.toContain(invited.ok ? invited.data.temporaryPassword : "-");
      expect(received.find((mail) => mail.to.includes("admin@acme.dev"))?.raw).toMatch(/Subject: \d+ stale opportunit/);
      expect(await db.outboxMessage.count({ where: { status: "sent", sentAt: { not: null } } })).toBe(2);
      // Sent once: nothing is due any more.
      expect(await dispatchDueEmails(db, { now: later(3_600), transport: smtpTransport() })).toEqual({ attempted: 0, sent: 0 });
    } finally {
      await server.close();
    }
  });

  it("with the server down, the message stays queued and visible with its error, and goes out when the server is back", async () => {
    const received: Mail[] = [];
    const probe = smtpServer(received);
    const port = await probe.listen();
    await probe.close(); // nothing listens on that port now
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const invited = await inviteMemberAction({ name: "Dora Down", email: "dora@example.com" });
    expect(invited.ok).toBe(true);

    const t0 = later(1);
    expect(await dispatchDueEmails(db, { now: t0, transport: smtpTransport() })).toEqual({ attempted: 1, sent: 0 });
    const queued = await db.outboxMessage.findFirstOrThrow({ where: { to: "dora@example.com" } });
    expect(queued).toMatchObject({ status: "queued", attempts: 1, lastError: expect.stringMatching(/ECONNECTION|ESOCKET/) });
    expect(queued.nextAttemptAt!.getTime()).toBe(t0.getTime() + EMAIL_BACKOFF_SECONDS[0] * 1_000);
    // Visible in the outbox, to the Admin and to its recipient.
    const admin = (await memberPrincipal(db, (await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } })).id))!;
    expect((await listOutbox(db, admin)).find((message) => message.to === "dora@example.com")).toMatchObject({ status: "queued", attempts: 1, lastError: queued.lastError });
    const dora = (await memberPrincipal(db, (await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "dora@example.com" } } })).id))!;
    expect((await listOutbox(db, dora, { recipient: "dora@example.com" })).map((message) => message.status)).toEqual(["queued"]);
    // Not due before its backoff.
    expect(await dispatchDueEmails(db, { now: new Date(t0.getTime() + 5_000), transport: smtpTransport() })).toEqual({ attempted: 0, sent: 0 });

    const back = smtpServer(received, port);
    await back.listen();
    try {
      expect(await dispatchDueEmails(db, { now: queued.nextAttemptAt!, transport: smtpTransport() })).toEqual({ attempted: 1, sent: 1 });
      expect(received.map((mail) => mail.to)).toEqual([["dora@example.com"]]);
      expect(await db.outboxMessage.findFirstOrThrow({ where: { to: "dora@example.com" } })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    } finally {
      await back.close();
    }
    const { workspace } = await loadDemo(db);
    expect(await db.outboxMessage.count({ where: { workspaceId: workspace.id, to: "dora@example.com" } })).toBe(1);
  });
});
