import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { getWorkspaceSettings } from "@/lib/workspace/update";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("settings.workspace");

export default async function WorkspaceSettingsPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "WORKSPACE")) return <NoAccess />;
  const [t, settings] = await Promise.all([getTranslations("settings.workspace"), getWorkspaceSettings(db, member.workspaceId)]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="mt-8 max-w-2xl">
        {/* Keyed by the saved values, so a save elsewhere (another tab) resets the form. */}
        <WorkspaceForm key={`${settings.name}:${settings.defaultLocale}`} initial={settings} />
      </div>
    </div>
  );
}
