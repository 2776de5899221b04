import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { db, expect, test } from "./fixtures";
import { E2E_BASE_URL } from "./env";

/**
 * Single sign-on in the browser (docs/reference.md §20) against a real OpenID Provider (oidc-provider) started
 * by this test: an Admin fills Settings → Security → Single sign-on and a Group mapping; a person
 * the workspace does not know clicks `Sign in with <Provider name>`, logs in at the provider and
 * lands in Rolecall with the role their group maps to.
 */
const CLIENT = { id: "rolecall-e2e", secret: "e2e-client-secret-0123456789abcdef0123456789" };
let server: Server;
let issuer: string;

test.beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [`${E2E_BASE_URL}/auth/oidc/callback`], grant_types: ["authorization_code"], response_types: ["code"] }],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: `${id}@sso.test`, email_verified: true, name: "Sasha Sso", groups: ["crm-guests"] }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["e2e-oidc-cookie-key"] },
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
      // The provider's login page: a real form, submitted by the browser.
      if (req.method === "GET") {
        res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>Acme IdP</title><form method="post"><label>Username <input name="login"></label><button>Log in at Acme IdP</button></form>`);
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const login = new URLSearchParams(Buffer.concat(chunks).toString()).get("login") ?? "";
        void provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      });
      return;
    }
    void callback(req, res);
  });
});

test.afterAll(async () => {
  await db.ssoSettings.deleteMany({});
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("a new person signs in with the provider and joins with the role their group maps to", async ({ page, browser, workspace }) => {
  await page.goto("/settings/security");
  const sso = page.getByRole("region", { name: "Single sign-on" });
  await expect(sso.getByRole("textbox", { name: "Redirect URL to register at the provider" })).toHaveValue(`${E2E_BASE_URL}/auth/oidc/callback`);
  await sso.getByLabel("Provider name").fill("Acme IdP");
  await sso.getByLabel("Issuer URL").fill("http://idp.example.com");
  await sso.getByLabel("Client ID").fill(CLIENT.id);
  await sso.getByLabel("Client secret").fill(CLIENT.secret);
  await sso.getByRole("button", { name: "Save" }).click();
  await expect(sso.getByText("Enter an https:// issuer URL (http:// only on localhost or 127.0.0.1).")).toBeVisible();
  await sso.getByLabel("Issuer URL").fill(issuer);
  await sso.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Single sign-on saved.")).toBeVisible();

  const mappings = page.getByRole("region", { name: "Group mappings" });
  await mappings.getByRole("button", { name: "+ Add mapping" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Group").fill("crm-guests");
  await dialog.getByLabel("Grant").selectOption({ label: "Role: Guest" });
  await dialog.getByRole("button", { name: "Add mapping" }).click();
  await expect(mappings.getByRole("cell", { name: "crm-guests", exact: true })).toBeVisible();

  // Someone new, in a browser of their own (a new account name per run: accounts persist in the e2e database).
  const account = `sasha-${workspace.workspace.name.split(" ")[1]}`;
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Sign in with Acme IdP" }).click();
  await visitor.getByLabel("Username").fill(account);
  await visitor.getByRole("button", { name: "Log in at Acme IdP" }).click();
  await expect(visitor).not.toHaveURL(/sign-in|interaction/);
  // Signed in, as the role the group maps to.
  await expect(visitor.getByText(`${account}@sso.test · Guest`)).toBeVisible();
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: `${account}@sso.test` } }, include: { role: true } });
  expect(member.workspaceId).toBe(workspace.workspace.id);
  expect(member.role.name).toBe("Guest");
  await context.close();
});
