/**
 * Send email from a record (SPEC §2.6) and the outbox: refused without the SEND_EMAIL action or
 * without sight of the address, stored (never delivered) with an `email.sent` audit entry.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { expectRecordsRefused, type ExpectedError, type RecordsOutcome } from "./refusal";
import { loadDemo, useDemoDatabase } from "./db";
import { sendEmailAction } from "@/app/(workspace)/outbox/actions";
import { softDeleteRecordAction } from "@/app/(workspace)/objects/actions";
import { listOutbox } from "@/lib/email/outbox";
import { memberPrincipal } from "@/lib/access/principal";
import { createMember, createRole } from "@/prisma/factories";

const db = useDemoDatabase();

const expectRefused = (call: () => Promise<RecordsOutcome>, expected: ExpectedError) => expectRecordsRefused(db, call, expected);

async function principalOf(email: string) {
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });
  return (await memberPrincipal(db, member.id))!;
}

let person: { id: string; email: string };

beforeAll(async () => {
  const row = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" } }, orderBy: { createdAt: "asc" } });
  person = { id: row.id, email: JSON.parse(row.data).email };
  // A role that may send e-mail but not see people's addresses.
  const { workspace } = await loadDemo(db);
  const objects = await db.objectMetadata.findMany({ where: { workspaceId: workspace.id }, include: { fields: true } });
  const index = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((f) => [f.name, f.id])) }]));
  const role = await createRole(db, workspace.id, index, {
    name: "Blind mailer",
    canSeeAllObjects: true,
    actions: ["SEND_EMAIL"],
    fieldRules: [{ object: "person", field: "email", canSee: false, canEdit: false }],
  });
  await createMember(db, { workspaceId: workspace.id, roleId: role.id, email: "blind@acme.dev", name: "Blind Mailer", passwordHash: "unused" });
});

beforeEach(async () => {
  await actAs(db, "mia@acme.dev");
});

describe("sendEmailAction", () => {
  it("stores the Member's message to the person's address in the outbox, with an audit entry", async () => {
    const result = await sendEmailAction({ object: "people", id: person.id, subject: "  Hello  ", body: "Shall we meet on Tuesday?" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.to).toBe(person.email);
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(message).toMatchObject({ to: person.email, subject: "Hello", body: "Shall we meet on Tuesday?", actorLabel: "Mia Moreau" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "email.sent", targetId: message.id } });
    expect(entry).toMatchObject({ actorType: "member", targetType: "outboxMessage", targetLabel: "Hello" });
  });

  it("is refused to the Intern and the Guest (no Send email action)", async () => {
    for (const email of ["ian@acme.dev", "gus@acme.dev"]) {
      await actAs(db, email);
      await expectRefused(() => sendEmailAction({ object: "people", id: person.id, subject: "Hi", body: "Hello" }), {
        code: "FORBIDDEN",
        params: { reason: "ACTION_NOT_ALLOWED", action: "SEND_EMAIL" },
      });
    }
  });

  it("is refused to a role that cannot see the address", async () => {
    await actAs(db, "blind@acme.dev");
    await expectRefused(() => sendEmailAction({ object: "people", id: person.id, subject: "Hi", body: "Hello" }), {
      code: "FORBIDDEN",
      field: "email",
      params: { reason: "FIELD_NOT_VISIBLE" },
    });
  });

  it("refuses empty or oversized messages, objects without an email field, unknown records, and hidden objects", async () => {
    await expectRefused(() => sendEmailAction({ object: "people", id: person.id, subject: "   ", body: "Hello" }), { code: "VALIDATION_FAILED", field: "subject" });
    await expectRefused(() => sendEmailAction({ object: "people", id: person.id, subject: "Hi", body: "" }), { code: "VALIDATION_FAILED", field: "body" });
    await expectRefused(() => sendEmailAction({ object: "people", id: person.id, subject: "x".repeat(201), body: "Hello" }), { code: "VALIDATION_FAILED", field: "subject" });
    const company = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "company" } } });
    await expectRefused(() => sendEmailAction({ object: "companies", id: company.id, subject: "Hi", body: "Hello" }), {
      code: "VALIDATION_FAILED",
      params: { reason: "NO_EMAIL_FIELD" },
    });
    await expectRefused(() => sendEmailAction({ object: "people", id: "no-such-person", subject: "Hi", body: "Hello" }), { code: "NOT_FOUND" });
    await expectRefused(() => sendEmailAction({ object: "people", id: "", subject: "Hi", body: "Hello" }), { code: "VALIDATION_FAILED", field: "id" });
    await actAs(db, null);
    await expectRefused(() => sendEmailAction({ object: "people", id: person.id, subject: "Hi", body: "Hello" }), { code: "UNAUTHENTICATED" });
  });

  it("refuses a person in the trash", async () => {
    const other = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" }, id: { not: person.id } } });
    expect((await softDeleteRecordAction({ object: "people", id: other.id })).ok).toBe(true);
    await expectRefused(() => sendEmailAction({ object: "people", id: other.id, subject: "Hi", body: "Hello" }), { code: "RECORD_IN_TRASH" });
  });
});

describe("the outbox", () => {
  it("shows a member what they sent and what was sent to them; an admin sees everything", async () => {
    await actAs(db, "admin@acme.dev");
    const fromAdmin = await sendEmailAction({ object: "people", id: person.id, subject: "From the admin", body: "Hello" });
    expect(fromAdmin.ok).toBe(true);

    const mia = await listOutbox(db, await principalOf("mia@acme.dev"), { recipient: "mia@acme.dev" });
    expect(mia.map((message) => message.subject)).toEqual(["Hello"]);
    const noah = await listOutbox(db, await principalOf("noah@acme.dev"), { recipient: "noah@acme.dev" });
    expect(noah).toEqual([]);
    const admin = await listOutbox(db, await principalOf("admin@acme.dev"), { recipient: "admin@acme.dev" });
    expect(admin.map((message) => message.subject)).toEqual(["From the admin", "Hello"]);
  });
});
