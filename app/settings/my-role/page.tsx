import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { openSettingsPage } from "@/lib/access/settings-guard";
import { listObjects } from "@/lib/metadata/queries";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { EffectivePermissionsView } from "@/components/permissions/effective-permissions-view";
import { pageTitle } from "@/components/layout/page-title";
import { PageHeader } from "@/components/ui/page-header";

export const generateMetadata = pageTitle("myRole");

export default async function MyRolePage() {
  const { member } = await openSettingsPage("/settings/my-role");
  const [t, objects] = await Promise.all([getTranslations("myRole"), listObjects(db, member.workspaceId).then(async (rows) => (await metadataLabels())(rows))]);

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("intro", { role: member.roleName, workspace: member.workspaceName })} />

      <EffectivePermissionsView permissions={member.permissions} objects={objects} />
    </div>
  );
}
