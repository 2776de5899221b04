import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { openSettingsPage } from "@/lib/access/settings-guard";
import { listObjects } from "@/lib/metadata/queries";
import { heldSets } from "@/lib/access/grants";
import { HeldSets } from "@/components/permission-sets/held-sets";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { EffectivePermissionsView } from "@/components/permissions/effective-permissions-view";
import { pageTitle } from "@/components/layout/page-title";
import { PageHeader } from "@/components/ui/page-header";

export const generateMetadata = pageTitle("myRole");

export default async function MyRolePage() {
  const { member } = await openSettingsPage("/settings/my-role");
  const [t, objects, sets] = await Promise.all([
    getTranslations("myRole"),
    listObjects(db, member.workspaceId).then(async (rows) => (await metadataLabels())(rows)),
    heldSets(db, member.workspaceId, "member", member.id),
  ]);

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("intro", { role: member.roleName, workspace: member.workspaceName })} />
      {sets.length > 0 ? (
        <div className="mt-2 text-sm text-gray-700">
          <p>{t("alsoHolds", { count: sets.length })}</p>
          <HeldSets sets={sets.map((set) => ({ id: set.id, name: set.name, until: set.expiresAt?.toISOString() ?? null }))} />
        </div>
      ) : null}

      <EffectivePermissionsView permissions={member.permissions} objects={objects} />
    </div>
  );
}
