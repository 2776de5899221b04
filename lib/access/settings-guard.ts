/**
 * The guard of every settings page, from the settings-pages table: the signed-in member (or the
 * sign-in page) and whether the member's role opens the page. The page renders `<NoAccess />`
 * when it does not; the use cases behind its actions decide again on their own.
 */
import { canSetting } from "@/lib/permissions";
import { requireMember, type ActingMember } from "./current-member";
import { settingsPageOf } from "./settings-pages";

export async function openSettingsPage(route: string): Promise<{ member: ActingMember; allowed: boolean }> {
  const page = settingsPageOf(route);
  // A page missing from the table is a programming error, caught by settings-pages.test.ts.
  if (!page) throw new Error(`No entry for ${route} in lib/access/settings-pages.ts`);
  const member = await requireMember();
  return { member, allowed: page.permission === null || canSetting(member.permissions, page.permission) };
}
