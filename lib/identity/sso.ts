/**
 * Single sign-on settings (docs/reference.md §20), Settings → Security → `Single sign-on`: `Provider name`,
 * `Issuer URL`, `Client ID`, `Client secret`, `Groups claim` (default `groups`) and whether
 * `Password sign-in` stays on for everyone (off: only Admins sign in with a password). The member
 * who saves them is the authority SSO acts with (new members joining, grants following groups),
 * as a SCIM token acts with its creator's.
 */
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import { DomainError } from "@/lib/errors";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";

/** `https://`, or `http://` on a loopback address only (local testing, docs/reference.md §20). */
export function acceptableIssuer(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.search || url.hash) return false;
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]");
  } catch {
    return false;
  }
}

export const ssoSettingsInput = z.object({
  providerName: z.string().trim().min(1).max(100),
  issuerUrl: z.string().trim().max(2_000).refine(acceptableIssuer),
  clientId: z.string().trim().min(1).max(500),
  // Empty on a later save keeps the stored secret (it is never sent back to the browser).
  clientSecret: z.string().max(2_000).default(""),
  groupsClaim: z.string().trim().max(100).default("groups").transform((value) => value || "groups"),
  passwordSignIn: z.boolean().default(true),
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsInput>;

export async function saveSsoSettings(tx: Tx, actor: Principal, input: SsoSettingsInput): Promise<void> {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "SECURITY");
  if (actor.kind !== "member") throw new DomainError("FORBIDDEN");
  const current = await tx.ssoSettings.findUnique({ where: { workspaceId: actor.workspaceId } });
  const clientSecret = input.clientSecret || current?.clientSecret;
  if (!clientSecret) throw new DomainError("VALIDATION_FAILED", { field: "clientSecret" });
  const data = { providerName: input.providerName, issuerUrl: input.issuerUrl.replace(/\/+$/, ""), clientId: input.clientId, clientSecret, groupsClaim: input.groupsClaim, passwordSignIn: input.passwordSignIn, configuredById: actor.id };
  await tx.ssoSettings.upsert({ where: { workspaceId: actor.workspaceId }, create: { workspaceId: actor.workspaceId, ...data }, update: data });
  const shown = ({ clientSecret: _secret, configuredById: _by, ...rest }: typeof data) => rest;
  await writeAudit(tx, actor, {
    action: "sso.updated",
    targetType: "workspace",
    targetId: actor.workspaceId,
    targetLabel: input.providerName,
    before: current ? shown(current) : null,
    after: { ...shown(data), clientSecretChanged: Boolean(input.clientSecret) && input.clientSecret !== current?.clientSecret },
  });
}

export async function removeSsoSettings(tx: Tx, actor: Principal): Promise<void> {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "SECURITY");
  const current = await tx.ssoSettings.findUnique({ where: { workspaceId: actor.workspaceId } });
  if (!current) return;
  await tx.ssoSettings.delete({ where: { workspaceId: actor.workspaceId } });
  await writeAudit(tx, actor, { action: "sso.removed", targetType: "workspace", targetId: actor.workspaceId, targetLabel: current.providerName });
}

/** What the settings form and the sign-in page show: never the client secret. */
export async function loadSsoSettings(db: Tx, workspaceId?: string) {
  const row = workspaceId ? await db.ssoSettings.findUnique({ where: { workspaceId } }) : await db.ssoSettings.findFirst();
  if (!row) return null;
  return { workspaceId: row.workspaceId, providerName: row.providerName, issuerUrl: row.issuerUrl, clientId: row.clientId, groupsClaim: row.groupsClaim, passwordSignIn: row.passwordSignIn };
}
