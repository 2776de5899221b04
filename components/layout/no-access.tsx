import { getTranslations } from "next-intl/server";
import { LockKeyhole } from "lucide-react";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { neededFor } from "@/lib/access-requests/options";
import type { SettingsPermission } from "@/lib/permissions";
import { RequestAccessButton } from "@/components/access-requests/request-access-button";
import { NoticeCard } from "./notice-card";

/**
 * Shown instead of a settings page the member's role does not open. Given the page's `setting`,
 * it says what would open it and offers to ask for it (docs/reference.md §18).
 */
export async function NoAccess({ setting }: { setting?: SettingsPermission } = {}) {
  const t = await getTranslations("common");
  const card = <NoticeCard icon={LockKeyhole} title={t("noAccessTitle")} body={t("noAccessBody")} href="/settings/my-role" linkLabel={t("backToSettings")} />;
  if (!setting) return card;
  const member = await requireMember();
  const needs = neededFor(member.permissions, { kind: "setting", key: setting }, []);
  if (!needs) return card;
  const [tp, workspace] = await Promise.all([getTranslations("permissions"), db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, select: { accessRequestMaxHours: true } })]);
  return (
    <div className="space-y-3">
      {card}
      <div role="note" className="flex max-w-lg flex-wrap items-center justify-between gap-3 text-sm text-gray-700">
        <p>{tp("needs", { permission: tp("name", { kind: "setting", key: setting, action: "", object: "", field: "" }) })}</p>
        <RequestAccessButton options={[needs]} maxHours={workspace.accessRequestMaxHours} />
      </div>
    </div>
  );
}
