/**
 * OpenID Connect sign-in (docs/reference.md §20) against a real provider: the `oidc-provider` package (a
 * certified OpenID Provider) started here on a loopback port, with accounts whose `groups` the
 * test changes. A small interaction handler logs the chosen account in (what its login page would
 * do); the rest is the real protocol: discovery, authorization code with PKCE, state and nonce,
 * a signed ID token. The relying party is Rolecall's own lib/identity/oidc.ts (the code behind
 * /auth/oidc/start and /auth/oidc/callback); the "browser" follows redirects with a cookie jar.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { addGroupMappingAction, saveSsoSettingsAction } from "@/app/settings/security/actions";
import { beginOidcSignIn, completeOidcSignIn } from "@/lib/identity/oidc";
import { authenticate } from "@/lib/auth/authenticate";

const db = useDemoDatabase();
const APP = "http://127.0.0.1:39999"; // never fetched: the callback URL the provider redirects the browser to
const CLIENT = { id: "rolecall", secret: "a-client-secret-long-enough-for-hs256-0123456789" };
const accounts = new Map<string, { email: string; name: string; groups: string[] }>();
let current = "";
let server: Server;
let issuer: string;
let provider: Provider;

beforeAll(async () => {
  // What seals the pending sign-in's cookie (npm start writes one to .env.local).
  process.env.SESSION_SECRET ??= "oidc-test-session-secret-0123456789abcdef";
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [`${APP}/auth/oidc/callback`], grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic" }],
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["oidc-test-cookie-key"] },
    // A first-party client: consent is given (oidc-provider's documented recipe for skipping it).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      // The provider's login page, answered for the account the test chose.
      void provider.interactionFinished(req, res, { login: { accountId: current } }, { mergeWithLastSubmission: false });
      return;
    }
    void callback(req, res);
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A browser: follows redirects with the provider's cookies until it is sent back to Rolecall. */
async function browse(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === APP) return url;
    const response = await fetch(url, { redirect: "manual", headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") } });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`stopped at ${url.href}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    url = new URL(location, url);
  }
  throw new Error("too many redirects");
}

async function signIn(account: string) {
  current = account;
  const started = await beginOidcSignIn(db, APP);
  const back = await browse(started.url);
  return completeOidcSignIn(db, APP, back, started.cookie);
}

async function configure(overrides: Record<string, unknown> = {}) {
  const saved = await saveSsoSettingsAction({ providerName: "Acme IdP", issuerUrl: issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, groupsClaim: "groups", passwordSignIn: true, ...overrides });
  expect(saved).toMatchObject({ ok: true });
}

const memberOf = (email: string) => db.workspaceMember.findFirstOrThrow({ where: { user: { email } }, include: { role: true } });
const setsOf = async (memberId: string) => (await db.permissionSetAssignment.findMany({ where: { principalId: memberId }, include: { set: true } })).map((row) => row.set.name);

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("OpenID Connect sign-in", () => {
  it("refuses an issuer that is neither https nor loopback, and settings without Security", async () => {
    expect(await saveSsoSettingsAction({ providerName: "X", issuerUrl: "http://idp.example.com", clientId: "a", clientSecret: "b" })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "VALIDATION_FAILED", field: "issuerUrl" })] });
    await actAs(db, "mia@acme.dev");
    expect(await saveSsoSettingsAction({ providerName: "X", issuerUrl: issuer, clientId: "a", clientSecret: "b" })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "FORBIDDEN" })] });
  });

  it("a new user joins with the grants their groups map to; a group removed at the provider removes its grant at the next sign-in", async () => {
    await configure();
    const { roleId } = await loadDemo(db);
    // The demo's permission set (docs/reference.md §17): Export CSV, nothing else.
    const exportSet = { id: roleId("Export for audit") };
    expect((await addGroupMappingAction({ group: "crm-guests", grantId: roleId("Guest") })).ok).toBe(true);
    expect((await addGroupMappingAction({ group: "auditors", grantId: exportSet.id })).ok).toBe(true);

    accounts.set("sub-nina", { email: "nina@example.com", name: "Nina New", groups: ["crm-guests", "auditors", "unmapped"] });
    const first = await signIn("sub-nina");
    expect(first.joined).toBe(true);
    let nina = await memberOf("nina@example.com");
    expect(nina.role.name).toBe("Guest");
    expect(await setsOf(nina.id)).toEqual(["Export for audit"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: nina.userId } })).mustChangePassword).toBe(false);
    expect(await db.auditLog.count({ where: { action: "member.joinedWithSso", targetId: nina.id } })).toBe(1);

    // The provider takes Nina out of "auditors" and "crm-guests".
    accounts.set("sub-nina", { email: "nina@example.com", name: "Nina New", groups: [] });
    const second = await signIn("sub-nina");
    expect(second).toMatchObject({ userId: nina.userId, joined: false });
    nina = await memberOf("nina@example.com");
    expect(nina.role.name).toBe("Member");
    expect(await setsOf(nina.id)).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "account.signedInWithSso", targetId: nina.id } })).toBe(1);
    expect(await db.oidcIdentity.count({ where: { userId: nina.userId } })).toBe(1);
  });

  it("links an existing member by verified e-mail and keeps a role given by hand", async () => {
    await configure();
    // Intern is no mapping's role: Ian keeps it whatever his groups.
    accounts.set("sub-ian", { email: "ian@acme.dev", name: "Ian", groups: ["not-mapped"] });
    const result = await signIn("sub-ian");
    expect(result.joined).toBe(false);
    expect((await memberOf("ian@acme.dev")).role.name).toBe("Intern");

    // The Admin who configured SSO is in a group mapped to Guest: changing her own role is refused
    // (docs/reference.md §11), so that change is skipped (rolled back to its savepoint) and she still signs in.
    accounts.set("sub-admin", { email: "admin@acme.dev", name: "Admin", groups: ["crm-guests"] });
    expect((await signIn("sub-admin")).joined).toBe(false);
    expect((await memberOf("admin@acme.dev")).role.name).toBe("Admin");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "account.signedInWithSso", targetLabel: { not: "" } }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(entry.after!)).toMatchObject({ roleChanged: false, refused: ["OWN_ROLE"] });
  });

  it("refuses a wrong state, a callback without its cookie, a replayed code and a wrong issuer", async () => {
    await configure();
    accounts.set("sub-sam", { email: "sam@acme.dev", name: "Sam", groups: [] });
    current = "sub-sam";
    const started = await beginOidcSignIn(db, APP);
    const back = await browse(started.url);
    const forged = new URL(back);
    forged.searchParams.set("state", "not-the-state");
    await expect(completeOidcSignIn(db, APP, forged, started.cookie)).rejects.toMatchObject({ code: "SSO_FAILED" });
    await expect(completeOidcSignIn(db, APP, back, undefined)).rejects.toMatchObject({ code: "SSO_FAILED" });
    const other = await beginOidcSignIn(db, APP);
    await expect(completeOidcSignIn(db, APP, back, other.cookie)).rejects.toMatchObject({ code: "SSO_FAILED" });
    // The code itself is good until used once; then a replay is refused by the provider.
    const fresh = await beginOidcSignIn(db, APP);
    const freshBack = await browse(fresh.url);
    expect((await completeOidcSignIn(db, APP, freshBack, fresh.cookie)).userId).toBeTruthy();
    await expect(completeOidcSignIn(db, APP, freshBack, fresh.cookie)).rejects.toMatchObject({ code: "SSO_FAILED" });

    // The same provider under another name: its metadata names another issuer, so discovery refuses it.
    await configure({ issuerUrl: issuer.replace("127.0.0.1", "localhost") });
    await expect(beginOidcSignIn(db, APP)).rejects.toMatchObject({ code: "SSO_FAILED", details: { params: { step: "DISCOVERY" } } });
  });

  it("with Password sign-in off, only Admins sign in with a password", async () => {
    await configure({ passwordSignIn: false });
    await expect(authenticate(db, "mia@acme.dev", "rolecall-demo", { address: "203.0.113.7" })).rejects.toMatchObject({ code: "PASSWORD_SIGN_IN_DISABLED" });
    expect((await authenticate(db, "admin@acme.dev", "rolecall-demo", { address: "203.0.113.7" })).email).toBe("admin@acme.dev");
    await configure({ passwordSignIn: true, clientSecret: "" });
    expect((await authenticate(db, "mia@acme.dev", "rolecall-demo", { address: "203.0.113.7" })).email).toBe("mia@acme.dev");
    // An empty secret kept the stored one.
    expect((await db.ssoSettings.findFirstOrThrow()).clientSecret).toBe(CLIENT.secret);
  });
});
