import type { SettingsPermission } from "@/lib/permissions";

/**
 * The settings pages, in navigation order, with the permission each needs (null: everyone).
 * The layout shows only those the member's role opens; each page checks again on the server.
 */
export const SETTINGS_PAGES = [
  { href: "/settings/my-role", labelKey: "myRole", permission: null },
  { href: "/settings/roles", labelKey: "roles", permission: "ROLES" },
] as const satisfies readonly { href: string; labelKey: string; permission: SettingsPermission | null }[];
