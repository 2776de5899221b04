/**
 * OpenID Connect sign-in (docs/reference.md §20) with openid-client (the certified OpenID relying-party
 * library for Node, by the author of oidc-provider and jose): discovery of the issuer (its
 * metadata must name the same issuer, so a wrong issuer is refused), the authorization code flow
 * with PKCE (S256), `state` and `nonce` checked, the ID token's signature, issuer, audience and
 * expiry verified. The pending sign-in (state, nonce, verifier) travels in a short-lived sealed
 * cookie bound to the browser that started it.
 *
 * At every sign-in the member's mapped grants follow the provider's groups (the configured
 * claim, from the ID token or else the UserInfo endpoint) through syncGroupGrants; a person the
 * workspace does not know yet joins through the same invite use case as Members, with the
 * authority of the member who configured SSO.
 */
import * as client from "openid-client";
import { sealData, unsealData } from "iron-session";
import type { Db } from "@/lib/db/prisma";
import { memberPrincipal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { DomainError } from "@/lib/errors";
import { inviteMember, temporaryCredentials } from "@/lib/members/invite";
import { inviteMemberInput, MEMBER_NAME_MAX_LENGTH } from "@/lib/members/input";
import { syncGroupGrants } from "./group-grants";
import { acceptableIssuer, OIDC_CALLBACK_PATH } from "./sso";

export const OIDC_COOKIE = "rolecall_oidc";
export const OIDC_COOKIE_TTL_SECONDS = 600;

interface Pending {
  workspaceId: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string | null;
}

function cookiePassword(): string {
  const password = process.env.SESSION_SECRET;
  if (!password || password.length < 32) throw new Error("SESSION_SECRET must be set to at least 32 characters");
  return password;
}

async function settingsRow(db: Db) {
  const settings = await db.ssoSettings.findFirst();
  if (!settings || !acceptableIssuer(settings.issuerUrl)) throw new DomainError("SSO_FAILED", { params: { step: "NOT_CONFIGURED" } });
  return settings;
}

async function configuration(settings: { issuerUrl: string; clientId: string; clientSecret: string }): Promise<client.Configuration> {
  const issuer = new URL(settings.issuerUrl);
  // Plain http only on loopback (acceptableIssuer): a provider started for local testing.
  const options = issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined;
  try {
    return await client.discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), options);
  } catch (error) {
    throw new DomainError("SSO_FAILED", { params: { step: "DISCOVERY", detail: error instanceof Error ? error.message.slice(0, 200) : "" } });
  }
}

/** Starts a sign-in: the provider's authorization URL, and the sealed cookie to set. */
export async function beginOidcSignIn(db: Db, origin: string, next: string | null = null): Promise<{ url: string; cookie: string }> {
  const settings = await settingsRow(db);
  const config = await configuration(settings);
  const pending: Pending = { workspaceId: settings.workspaceId, state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${origin}${OIDC_CALLBACK_PATH}`,
    scope: `openid email profile${settings.groupsClaim === "groups" ? " groups" : ""}`,
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, cookie: await sealData(pending, { password: cookiePassword(), ttl: OIDC_COOKIE_TTL_SECONDS }) };
}

function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (typeof value === "string" && value !== "") return [value];
  return [];
}

export interface OidcSignIn {
  userId: string;
  next: string | null;
  joined: boolean;
}

/**
 * Completes a sign-in from the callback URL the provider redirected to and the cookie set at the
 * start. Anything that does not verify (no or another cookie, a wrong `state`, a token from
 * another issuer or for another client, a bad signature, a replayed code) is SSO_FAILED.
 */
export async function completeOidcSignIn(db: Db, origin: string, callbackUrl: URL, cookie: string | undefined, now = new Date()): Promise<OidcSignIn> {
  const pending = cookie ? await unsealData<Partial<Pending>>(cookie, { password: cookiePassword(), ttl: OIDC_COOKIE_TTL_SECONDS }).catch(() => ({}) as Partial<Pending>) : ({} as Partial<Pending>);
  if (!pending.state || !pending.nonce || !pending.verifier || !pending.workspaceId) throw new DomainError("SSO_FAILED", { params: { step: "NO_PENDING_SIGN_IN" } });
  const settings = await settingsRow(db);
  if (settings.workspaceId !== pending.workspaceId) throw new DomainError("SSO_FAILED", { params: { step: "NO_PENDING_SIGN_IN" } });
  const config = await configuration(settings);
  // The callback as registered (behind a proxy the request's own URL may differ), with the provider's parameters.
  const current = new URL(`${origin}${OIDC_CALLBACK_PATH}`);
  current.search = callbackUrl.search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
  } catch (error) {
    throw new DomainError("SSO_FAILED", { params: { step: "TOKEN", detail: error instanceof Error ? error.message.slice(0, 200) : "" } });
  }
  const claims = tokens.claims();
  if (!claims) throw new DomainError("SSO_FAILED", { params: { step: "TOKEN" } });
  let profile: Record<string, unknown> = { ...claims };
  if (profile[settings.groupsClaim] === undefined || profile.email === undefined) {
    try {
      profile = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...profile };
    } catch {
      // No UserInfo endpoint, or it refused: the ID token's claims are all there is.
    }
  }
  const issuer = config.serverMetadata().issuer;
  const groups = groupsOf(profile[settings.groupsClaim]);
  const email = typeof profile.email === "string" && profile.email_verified !== false ? profile.email.trim().toLowerCase() : null;
  const name = (typeof profile.name === "string" && profile.name.trim() ? profile.name.trim() : (email?.split("@")[0] ?? claims.sub)).slice(0, MEMBER_NAME_MAX_LENGTH);
  const credentials = await temporaryCredentials();

  return db.$transaction(async (tx) => {
    const actor = await memberPrincipal(tx, settings.configuredById, now);
    if (!actor || actor.workspaceId !== settings.workspaceId) throw new DomainError("SSO_FAILED", { params: { step: "NOT_CONFIGURED" } });
    const identity = await tx.oidcIdentity.findUnique({ where: { issuer_subject: { issuer, subject: claims.sub } } });
    let userId = identity?.userId ?? null;
    let joined = false;
    if (!userId && email) userId = (await tx.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    if (!userId) {
      const input = inviteMemberInput.safeParse({ name, email });
      if (!input.success) throw new DomainError("SSO_FAILED", { params: { step: "NO_EMAIL" } });
      const invited = await inviteMember(tx, actor, input.data, credentials, now);
      const member = await tx.workspaceMember.findUniqueOrThrow({ where: { id: invited.memberId } });
      userId = member.userId;
      // Nobody knows this password: the person signs in through the provider, no change to force.
      await tx.user.update({ where: { id: userId }, data: { mustChangePassword: false, temporaryPasswordExpiresAt: null } });
      joined = true;
    }
    if (!identity) await tx.oidcIdentity.create({ data: { userId, issuer, subject: claims.sub } });
    const member = await tx.workspaceMember.findFirst({ where: { userId, workspaceId: settings.workspaceId }, include: { user: true } });
    if (!member || member.deactivatedAt) throw new DomainError("SSO_FAILED", { params: { step: "NOT_A_MEMBER" } });
    const changes = await syncGroupGrants(tx, actor, member.id, groups, now);
    await writeAudit(tx, { kind: "member", id: member.id, label: member.user.name, workspaceId: member.workspaceId }, {
      action: joined ? "member.joinedWithSso" : "account.signedInWithSso",
      targetType: "member",
      targetId: member.id,
      targetLabel: member.user.name,
      after: { provider: settings.providerName, groups, roleChanged: changes.role !== null, setsAdded: changes.added.length, setsRemoved: changes.removed.length, refused: changes.refused.map((refusal) => refusal.code) },
    });
    return { userId, next: pending.next ?? null, joined };
  });
}
