import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { openSettingsPage } from "@/lib/access/settings-guard";
import { listObjects } from "@/lib/metadata/queries";
import { heldSets } from "@/lib/access/grants";
import { HeldSets } from "@/components/permission-sets/held-sets";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { EffectivePermissionsView } from "@/components/permissions/effective-permissions-view";
import { pageTitle } from "@/components/layout/page-title";
import { requestableOptions, toNeededGrant } from "@/lib/access-requests/options";
import { listOwnRequests } from "@/lib/access-requests/requests";
import { RequestAccessButton } from "@/components/access-requests/request-access-button";
import { MyRequests } from "@/components/access-requests/my-requests";
import { PageHeader } from "@/components/ui/page-header";

export const generateMetadata = pageTitle("myRole");

export default async function MyRolePage() {
  const { member } = await openSettingsPage("/settings/my-role");
  const [t, objects, sets, requests, workspace] = await Promise.all([
    getTranslations("myRole"),
    listObjects(db, member.workspaceId).then(async (rows) => (await metadataLabels())(rows)),
    heldSets(db, member.workspaceId, "member", member.id),
    listOwnRequests(db, member),
    db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, select: { accessRequestMaxHours: true } }),
  ]);
  // docs/reference.md §18: `Request access` offers every permission the member lacks, as the engine's smallest grants.
  const options = requestableOptions(member.permissions, objects);

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("intro", { role: member.roleName, workspace: member.workspaceName })} action={<RequestAccessButton options={options} maxHours={workspace.accessRequestMaxHours} />} />
      {sets.length > 0 ? (
        <div className="mt-2 text-sm text-gray-700">
          <p>{t("alsoHolds", { count: sets.length })}</p>
          <HeldSets sets={sets.map((set) => ({ id: set.id, name: set.name, until: set.expiresAt?.toISOString() ?? null }))} />
        </div>
      ) : null}

      <EffectivePermissionsView permissions={member.permissions} objects={objects} />

      <MyRequests requests={requests.map((request) => ({ ...request, permission: toNeededGrant(request.permission, objects) }))} />
    </div>
  );
}
