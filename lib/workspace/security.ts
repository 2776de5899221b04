import type { Tx } from "@/lib/db/prisma";
import { SETTINGS_PERMISSIONS, type SettingsPermission } from "@/lib/permissions";

export interface SecurityOverview {
  admins: { id: string; name: string; email: string }[];
  /** Active keys without an expiry date: they work until someone revokes them. */
  neverExpiringKeys: { id: string; name: string; prefix: string; roleName: string | null; createdAt: Date; lastUsedAt: Date | null }[];
  /** Roles that open at least one settings page, with how many principals hold them. */
  settingsRoles: { id: string; name: string; isAdmin: boolean; allAccess: boolean; settings: SettingsPermission[]; memberCount: number; apiKeyCount: number }[];
}

/** A read-only summary of who can administer the workspace and which credentials never lapse. */
export async function loadSecurityOverview(db: Tx, workspaceId: string): Promise<SecurityOverview> {
  const [admins, keys, roles] = await Promise.all([
    db.workspaceMember.findMany({
      where: { workspaceId, role: { isAdmin: true } },
      include: { user: { select: { name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.apiKey.findMany({
      where: { workspaceId, revokedAt: null, expiresAt: null },
      include: { role: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.role.findMany({
      where: { workspaceId, OR: [{ isAdmin: true }, { settingsAllAccess: true }, { settingPermissions: { some: {} } }] },
      include: { settingPermissions: true, _count: { select: { members: true, apiKeys: true } } },
      orderBy: [{ isAdmin: "desc" }, { createdAt: "asc" }],
    }),
  ]);
  return {
    admins: admins.map((member) => ({ id: member.id, name: member.user.name, email: member.user.email })),
    neverExpiringKeys: keys.map((key) => ({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      roleName: key.role?.name ?? null,
      createdAt: key.createdAt,
      lastUsedAt: key.lastUsedAt,
    })),
    settingsRoles: roles.map((role) => {
      const allAccess = role.isAdmin || role.settingsAllAccess;
      const granted = new Set(role.settingPermissions.map((entry) => entry.setting));
      return {
        id: role.id,
        name: role.name,
        isAdmin: role.isAdmin,
        allAccess,
        settings: allAccess ? [...SETTINGS_PERMISSIONS] : SETTINGS_PERMISSIONS.filter((setting) => granted.has(setting)),
        memberCount: role._count.members,
        apiKeyCount: role._count.apiKeys,
      };
    }),
  };
}
