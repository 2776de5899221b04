/**
 * SPEC §12 on a real database: sign-in throttling (per email, per address, kept across
 * clients), the one-time setup of a real deployment, session generations, temporary passwords
 * and password changes.
 */
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { actAs, savedSession, testContext } from "./session";
import { databaseUrl, loadDemo, useDemoDatabase } from "./db";
import { expectRefusedWithoutChange, type ActionOutcome } from "./refusal";
import { authenticate } from "@/lib/auth/authenticate";
import { endSession } from "@/lib/auth/sessions";
import { signOutAction } from "@/app/(auth)/sign-in/actions";
import { getActingMember } from "@/lib/access/current-member";
import { MAX_ATTEMPTS_PER_ADDRESS, THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/prisma";
import { needsSetup, setUpWorkspace } from "@/lib/workspace/setup";
import { changePasswordAction, replaceTemporaryPasswordAction, signOutOtherSessionsAction } from "@/app/settings/account/actions";
import { inviteMemberAction } from "@/app/settings/members/actions";
import { updateWorkspaceAction } from "@/app/settings/workspace/actions";
import { setupAction } from "@/app/(auth)/setup/actions";
import { applyMigrations } from "@/scripts/lib/migrations";
import { createMember } from "@/prisma/factories";

const db = useDemoDatabase();
const PASSWORD = "rolecall-demo";
const T0 = new Date("2026-11-28T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A member of the demo workspace of one's own, so tests do not share counters or sessions. */
async function newMember(role = "Member") {
  const { workspace, roleId } = await loadDemo(db);
  const email = `user-${randomUUID().slice(0, 8)}@acme.dev`;
  await createMember(db, { workspaceId: workspace.id, roleId: roleId(role), email, name: `User ${email}`, password: PASSWORD });
  return email;
}

async function userSnapshot() {
  const [users, audit] = await Promise.all([db.user.findMany({ orderBy: { id: "asc" } }), db.auditLog.count()]);
  return JSON.stringify({ users, audit });
}
const expectRefused = (call: () => Promise<ActionOutcome>, code: string, field?: string) => expectRefusedWithoutChange(userSnapshot, call, code, field);

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("sign-in throttling", () => {
  it("refuses the 6th attempt for one email within 15 minutes, even with the right password, until the window frees", async () => {
    const email = await newMember();
    const address = `10.0.0.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 5; i++) {
      await expect(authenticate(db, email, "wrong-password", { address, now: at(i) })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    // The window frees when the first failure (at minute 0) is 15 minutes old.
    await expect(authenticate(db, email, "wrong-password", { address, now: at(5) })).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED", details: { params: { minutes: 10 } } });
    await expect(authenticate(db, email, PASSWORD, { address, now: at(5) })).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED" });
    await expect(authenticate(db, ` ${email.toUpperCase()} `, PASSWORD, { address: "10.9.9.9", now: at(14.5) })).rejects.toMatchObject({
      code: "SIGN_IN_THROTTLED",
      details: { params: { minutes: 1 } },
    });
    // Refused attempts are not counted: once the oldest failure leaves the window, one attempt is allowed.
    await expect(authenticate(db, email, PASSWORD, { address, now: at(15) })).resolves.toMatchObject({ email });
  });

  it("clears the email's counter on success", async () => {
    const email = await newMember();
    const address = "10.1.0.1";
    for (let i = 0; i < 4; i++) await expect(authenticate(db, email, "wrong-password", { address, now: at(i) })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(authenticate(db, email, PASSWORD, { address, now: at(4) })).resolves.toMatchObject({ email });
    for (let i = 0; i < 4; i++) await expect(authenticate(db, email, "wrong-password", { address, now: at(5) })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(authenticate(db, email, PASSWORD, { address, now: at(5) })).resolves.toMatchObject({ email });
  });

  it("refuses an address after 20 failures within 15 minutes, whatever the email, and leaves other addresses alone", async () => {
    const address = "192.0.2.20";
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) {
      await expect(authenticate(db, `nobody-${i}@acme.dev`, "wrong-password", { address, now: at(i * 0.5) })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const email = await newMember();
    await expect(authenticate(db, email, PASSWORD, { address, now: at(10) })).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED", details: { params: { minutes: 5 } } });
    await expect(authenticate(db, email, PASSWORD, { address: "192.0.2.21", now: at(10) })).resolves.toMatchObject({ email });
  });

  it("keeps the counters in the database: a new client (a restarted server) still refuses", async () => {
    const email = await newMember();
    for (let i = 0; i < 5; i++) await expect(authenticate(db, email, "wrong-password", { address: "10.2.0.1", now: at(i) })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    const other = createPrismaClient(databaseUrl(db));
    try {
      await expect(authenticate(other, email, PASSWORD, { address: "10.2.0.2", now: at(6) })).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED" });
      expect(await other.signInAttempt.count({ where: { email } })).toBe(5);
    } finally {
      await other.$disconnect();
    }
  });

  it("refuses a burst of parallel wrong attempts beyond the limit", async () => {
    const email = await newMember();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => authenticate(db, email, "wrong-password", { address: "10.3.0.1", now: at(0) })));
    const codes = results.map((result) => (result.status === "rejected" ? (result.reason as { code: string }).code : "OK"));
    expect(codes.filter((code) => code === "INVALID_CREDENTIALS")).toHaveLength(5);
    expect(codes.filter((code) => code === "SIGN_IN_THROTTLED")).toHaveLength(3);
  });
});

describe("server-side sessions (SPEC §16)", () => {
  it("refuses a cookie whose session was ended, for pages and server actions", async () => {
    await actAs(db, "ada@acme.dev");
    expect(await getActingMember()).toMatchObject({ email: "ada@acme.dev" });
    await endSession(db, testContext.sessionId!);
    expect(await getActingMember()).toBeNull();
    const result = await updateWorkspaceAction({ name: "Renamed", defaultLocale: "en" });
    expect(result).toMatchObject({ ok: false, errors: [{ code: "UNAUTHENTICATED" }] });
    // A cookie without a session (issued before sessions were kept on the server) is refused too.
    testContext.sessionId = undefined;
    expect(await getActingMember()).toBeNull();
  });

  it("signing out ends that session on the server: a copy of the cookie stops working", async () => {
    const email = await newMember();
    await actAs(db, email);
    const copied = testContext.sessionId;
    await expect(signOutAction()).rejects.toThrow(); // redirects to the sign-in page
    testContext.sessionId = copied;
    expect(await getActingMember()).toBeNull();
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
  });

  it("refuses a session past its end, and one presented for another user", async () => {
    const email = await newMember();
    await actAs(db, email);
    expect(await getActingMember()).toMatchObject({ email });
    const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@acme.dev" } });
    const own = testContext.userId;
    testContext.userId = ada.id;
    expect(await getActingMember()).toBeNull();
    testContext.userId = own;
    await db.session.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getActingMember()).toBeNull();
  });

  it("Sign out of all sessions ends the other sessions and keeps this one", async () => {
    const email = await newMember();
    await actAs(db, email);
    const otherBrowser = testContext.sessionId;
    await actAs(db, email);
    const thisBrowser = testContext.sessionId;
    const result = await signOutOtherSessionsAction();
    expect(result.ok).toBe(true);
    expect(await getActingMember()).toMatchObject({ email });
    testContext.sessionId = otherBrowser;
    expect(await getActingMember()).toBeNull();
    testContext.sessionId = thisBrowser;
    expect(await getActingMember()).toMatchObject({ email });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "account.signedOutEverywhere" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorType: "member", actorLabel: `User ${email}` });
    expect(JSON.parse(audit.after!)).toEqual({ sessionsEnded: 1 });
  });
});

describe("change password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const email = await newMember();
    await actAs(db, email);
    await expectRefused(() => changePasswordAction({ currentPassword: "not-my-password", newPassword: "a brand new passphrase" }), "WRONG_CURRENT_PASSWORD", "currentPassword");
  });

  it("refuses a short, personal or unchanged new password and changes nothing", async () => {
    const email = await newMember();
    await actAs(db, email);
    await expectRefused(() => changePasswordAction({ currentPassword: PASSWORD, newPassword: "short-pass" }), "PASSWORD_TOO_SHORT", "newPassword");
    await expectRefused(() => changePasswordAction({ currentPassword: PASSWORD, newPassword: `${email}!!` }), "PASSWORD_TOO_WEAK", "newPassword");
    await expectRefused(() => changePasswordAction({ currentPassword: PASSWORD, newPassword: "aaaaaaaaaaaaaaaa" }), "PASSWORD_TOO_WEAK", "newPassword");
    await expectRefused(() => changePasswordAction({ currentPassword: PASSWORD, newPassword: PASSWORD }), "PASSWORD_UNCHANGED", "newPassword");
  });

  it("changes the password, ends the other sessions and keeps this one", async () => {
    const email = await newMember();
    await actAs(db, email);
    const otherBrowser = testContext.sessionId;
    await actAs(db, email);
    const thisBrowser = testContext.sessionId;
    const result = await changePasswordAction({ currentPassword: PASSWORD, newPassword: "correct horse battery" });
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(user.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(false);
    expect(await getActingMember()).toMatchObject({ email });
    testContext.sessionId = otherBrowser;
    expect(await getActingMember()).toBeNull();
    testContext.sessionId = thisBrowser;
    await expect(authenticate(db, email, "correct horse battery", { address: "10.4.0.1" })).resolves.toMatchObject({ email });
    await expect(db.auditLog.findFirstOrThrow({ where: { action: "account.passwordChanged", actorLabel: `User ${email}` } })).resolves.toBeTruthy();
  });
});

describe("temporary passwords", () => {
  it("a member invited with a temporary password can do nothing but choose a new one", async () => {
    await actAs(db, "admin@acme.dev");
    const invited = await inviteMemberAction({ name: "Tara Temp", email: "tara@acme.dev" });
    if (!invited.ok) throw new Error("invite failed");
    const temporary = invited.data.temporaryPassword;
    const user = await authenticate(db, "tara@acme.dev", temporary, { address: "10.5.0.1" });
    expect(user.mustChangePassword).toBe(true);

    await actAs(db, "tara@acme.dev");
    expect(await getActingMember()).toMatchObject({ mustChangePassword: true });
    const refused = await signOutOtherSessionsAction();
    expect(refused).toMatchObject({ ok: false, errors: [{ code: "PASSWORD_CHANGE_REQUIRED" }] });
    // Another member's action (Tara is a Member, so FORBIDDEN would come second): the temporary password decides first.
    expect(await updateWorkspaceAction({ name: "Tara's", defaultLocale: "en" })).toMatchObject({ ok: false, errors: [{ code: "PASSWORD_CHANGE_REQUIRED" }] });

    await expectRefused(() => replaceTemporaryPasswordAction({ currentPassword: "guess", newPassword: "tara's own passphrase" }), "WRONG_CURRENT_PASSWORD", "currentPassword");
    await expect(replaceTemporaryPasswordAction({ currentPassword: temporary, newPassword: "my own passphrase 42" })).rejects.toThrow(/NEXT_REDIRECT/);
    const after = await db.user.findUniqueOrThrow({ where: { email: "tara@acme.dev" } });
    expect(after.mustChangePassword).toBe(false);
    expect(await getActingMember()).toMatchObject({ email: "tara@acme.dev", mustChangePassword: false });
  });
});

describe("setup of a real deployment (SEED_DEMO=0)", () => {
  const file = path.join(inject("testDbDir"), `${randomUUID()}-empty.db`);
  applyMigrations(file);
  const empty = createPrismaClient(`file:${file}`);
  afterAll(() => empty.$disconnect());
  const input = { workspaceName: "Globex", name: "Grace Hopper", email: "grace@globex.example", password: "a long admin passphrase" };

  it("creates the workspace, the built-in roles and the first Admin once; a second setup, even at the same moment, is refused", async () => {
    expect(await needsSetup(empty)).toBe(true);
    await expect(setUpWorkspace(empty, { ...input, password: "too-short" })).rejects.toMatchObject({ code: "PASSWORD_TOO_SHORT", details: { field: "password" } });
    expect(await empty.workspace.count()).toBe(0);

    const results = await Promise.allSettled([setUpWorkspace(empty, input), setUpWorkspace(empty, { ...input, workspaceName: "Initech", email: "bill@initech.example" })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "NOT_FOUND" } });
    expect(await needsSetup(empty)).toBe(false);
    expect(await empty.workspace.count()).toBe(1);

    const workspace = await empty.workspace.findFirstOrThrow({ include: { roles: true, defaultRole: true, members: { include: { user: true, role: true } } } });
    expect(workspace.isDemo).toBe(false);
    expect(workspace.roles.map((role) => role.name).sort()).toEqual(["Admin", "Guest", "Member"]);
    expect(workspace.defaultRole?.name).toBe("Member");
    expect(workspace.members).toHaveLength(1);
    expect(workspace.members[0].role.isAdmin).toBe(true);
    expect(await verifyPassword(workspace.members[0].user.passwordHash, input.password)).toBe(true);
    // No demo users and no demo keys: nothing with a known secret.
    expect(await empty.user.count({ where: { email: { endsWith: "@acme.dev" } } })).toBe(0);
    expect(await empty.apiKey.count()).toBe(0);
    expect(await empty.record.count()).toBe(0);

    await expect(setUpWorkspace(empty, { ...input, email: "mallory@evil.example" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await empty.user.count()).toBe(1);
  });

  it("its server action answers 404 once a workspace exists, and of two racing submits one creates the workspace", async () => {
    const form = (values: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(values)) data.set(key, value);
      return data;
    };
    const initial = { errors: [], values: { workspaceName: "", name: "", email: "" } };
    const notFound = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

    testContext.db = db;
    await expect(setupAction(initial, form(input))).rejects.toMatchObject(notFound);

    const file = path.join(inject("testDbDir"), `${randomUUID()}-empty.db`);
    applyMigrations(file);
    const fresh = createPrismaClient(`file:${file}`);
    try {
      testContext.db = fresh;
      const refused = await setupAction(initial, form({ ...input, email: "not-an-email" }));
      expect(refused.errors).toContainEqual(expect.objectContaining({ code: "VALIDATION_FAILED", field: "email" }));
      expect(refused.values.email).toBe("not-an-email");

      const results = await Promise.allSettled([setupAction(initial, form(input)), setupAction(initial, form({ ...input, email: "bill@initech.example" }))]);
      const reasons = results.map((result) => (result.status === "rejected" ? (result.reason as { digest?: string }).digest ?? "" : "resolved"));
      expect(reasons.filter((digest) => digest.startsWith("NEXT_REDIRECT"))).toHaveLength(1);
      expect(reasons.filter((digest) => digest === notFound.digest)).toHaveLength(1);
      expect(await fresh.workspace.count()).toBe(1);
      expect(await fresh.user.count()).toBe(1);
      expect(savedSession.userId).toBe((await fresh.user.findFirstOrThrow()).id);
    } finally {
      testContext.db = db;
      await fresh.$disconnect();
    }
  });
});
