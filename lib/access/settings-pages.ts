import type { SettingsPermission } from "@/lib/permissions";

/**
 * The settings pages, in navigation order, with the permission each needs (null: everyone).
 * The layout shows only those the member's role opens; each page checks again on the server.
 */
export const SETTINGS_PAGES = [
  { href: "/settings/my-role", labelKey: "myRole", permission: null },
  { href: "/settings/account", labelKey: "account", permission: null },
  { href: "/settings/workspace", labelKey: "workspace", permission: "WORKSPACE" },
  { href: "/settings/members", labelKey: "members", permission: "MEMBERS" },
  { href: "/settings/roles", labelKey: "roles", permission: "ROLES" },
  { href: "/settings/api-keys", labelKey: "apiKeys", permission: "API_KEYS_AND_WEBHOOKS" },
  { href: "/settings/api-reference", labelKey: "apiReference", permission: null },
  { href: "/settings/data-model", labelKey: "dataModel", permission: "DATA_MODEL" },
  { href: "/settings/security", labelKey: "security", permission: "SECURITY" },
  { href: "/settings/workflows", labelKey: "workflows", permission: "WORKFLOWS" },
  { href: "/settings/audit-log", labelKey: "auditLog", permission: "ROLES" },
] as const satisfies readonly { href: string; labelKey: string; permission: SettingsPermission | null }[];
