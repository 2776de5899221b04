/** The icon keys a role may carry (rendered by components/roles/role-icon.tsx). */
export const ROLE_ICON_KEYS = ["shield", "user", "users", "eye", "graduation-cap", "briefcase", "headset", "wrench", "star", "bot", "key"] as const;
export type RoleIconKey = (typeof ROLE_ICON_KEYS)[number];

export function isRoleIconKey(value: string): value is RoleIconKey {
  return (ROLE_ICON_KEYS as readonly string[]).includes(value);
}
