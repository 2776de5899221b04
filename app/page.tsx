import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/current-member";
import { canSetting } from "@/lib/permissions";

/** The landing page: the roles for those who manage them, otherwise the member's own role. */
export default async function Home() {
  const member = await requireMember();
  redirect(canSetting(member.permissions, "ROLES") ? "/settings/roles" : "/settings/my-role");
}
