import type { SettingsPermission } from "@/lib/permissions";

/**
 * The settings pages, in navigation order, with the permission each needs (null: everyone): the
 * one table the navigation and the pages' guards read (lib/access/settings-guard.ts). An entry
 * covers its sub-pages (`/settings/roles` covers `/settings/roles/compare`); one without a
 * `labelKey` is a page reached from another, not listed in the navigation. The layout shows only
 * those the member's role opens; each page checks again on the server. A unit test fails when a
 * page under app/settings has no entry or no guard.
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
  // Reached from Settings → Roles ("Inspect permissions").
  { href: "/settings/permissions", labelKey: null, permission: "ROLES" },
] as const satisfies readonly { href: string; labelKey: string | null; permission: SettingsPermission | null }[];

export type SettingsPage = (typeof SETTINGS_PAGES)[number];
export type SettingsNavigationPage = Extract<SettingsPage, { labelKey: string }>;

/** The pages the navigation lists. */
export const SETTINGS_NAVIGATION = SETTINGS_PAGES.filter((page): page is SettingsNavigationPage => page.labelKey !== null);

/** The entry that covers a route (`/settings/roles/[roleId]` → `/settings/roles`), the longest match. */
export function settingsPageOf(route: string): SettingsPage | undefined {
  return SETTINGS_PAGES.filter((page) => route === page.href || route.startsWith(`${page.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
}
