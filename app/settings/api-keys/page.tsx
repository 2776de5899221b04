import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listApiKeys, listRolesAssignableToApiKeys } from "@/lib/api-keys/queries";
import { rolesWithinAuthority } from "@/lib/access/authority";
import { heldSetsByPrincipal, principalKey } from "@/lib/roles/permission-sets";
import { utcDay } from "@/lib/api-keys/input";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { ApiKeyTable } from "@/components/settings/api-keys/api-key-table";
import { CreateApiKey } from "@/components/settings/api-keys/create-api-key";
import { AgentTokens } from "@/components/settings/api-keys/agent-tokens";
import { listAgentsWithTokens } from "@/lib/agents/tokens";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("settings.apiKeys");

export default async function ApiKeysPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "API_KEYS_AND_WEBHOOKS")) return <NoAccess />;
  const now = new Date();
  const canChooseRole = canSetting(member.permissions, "ROLES");
  const [t, format, keys, roles, workspace, withinRoleIds, agents, held] = await Promise.all([
    getTranslations("settings.apiKeys"),
    getFormatter(),
    listApiKeys(db, member.workspaceId, now),
    canChooseRole ? listRolesAssignableToApiKeys(db, member.workspaceId) : Promise.resolve([]),
    db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, include: { defaultRole: { select: { name: true } } } }),
    member.permissions.isAdmin ? null : rolesWithinAuthority(db, member),
    listAgentsWithTokens(db, member.workspaceId),
    heldSetsByPrincipal(db, member.workspaceId, now),
  ]);
  // SPEC §11: a key never acts beyond its creator, with a role or (without one) the default role's.
  const within = (roleId: string | null) => withinRoleIds === null || withinRoleIds.includes(roleId ?? workspace.defaultRoleId ?? "");
  const roleOptions = roles.map((role) => ({ ...role, withinAuthority: within(role.id) }));
  const day = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium" }) : null);
  const rows = keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    roleName: key.roleName,
    sets: held.get(principalKey("apiKey", key.id)) ?? [],
    expires: day(key.expiresAt),
    lastUsed: key.lastUsedAt ? format.dateTime(key.lastUsedAt, { dateStyle: "medium", timeStyle: "short" }) : null,
    revoked: day(key.revokedAt),
    status: key.status,
  }));
  const minExpiry = utcDay(new Date(now.getTime() + 86_400_000));

  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        action={<CreateApiKey roles={roleOptions} defaultWithinAuthority={within(null)} canChooseRole={canChooseRole} defaultRoleName={workspace.defaultRole?.name ?? ""} minExpiry={minExpiry} />}
      />
      <section aria-labelledby="all-api-keys" className="mt-8 rounded-lg border border-gray-200 bg-white">
        <header className="border-b border-gray-100 px-4 py-3">
          <h2 id="all-api-keys" className="text-sm font-semibold text-gray-900">{t("listHeading")}</h2>
        </header>
        <div className="overflow-x-auto">
          <ApiKeyTable keys={rows} />
        </div>
      </section>
      <p className="mt-4 text-xs text-gray-500">{t("restHint")}</p>
      <AgentTokens
        agents={agents.map((agent) => ({
          id: agent.id,
          name: agent.name,
          roleName: agent.role?.name ?? null,
          sets: held.get(principalKey("agent", agent.id)) ?? [],
          tokens: agent.tokens.map((token) => ({ id: token.id, name: token.name, prefix: token.prefix, created: day(token.createdAt)!, lastUsed: token.lastUsedAt ? format.dateTime(token.lastUsedAt, { dateStyle: "medium", timeStyle: "short" }) : null, expires: day(token.expiresAt), expired: token.expiresAt !== null && token.expiresAt.getTime() <= Date.now() })),
        }))}
      />
    </div>
  );
}
