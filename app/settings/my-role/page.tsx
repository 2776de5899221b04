import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
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

export const generateMetadata = pageTitle("myRole");

export default async function MyRolePage() {
  const member = await requireMember();
  const [t, objects, sets, requests, workspace] = await Promise.all([
    getTranslations("myRole"),
    listObjects(db, member.workspaceId).then(async (rows) => (await metadataLabels())(rows)),
    heldSets(db, member.workspaceId, "member", member.id),
    listOwnRequests(db, member),
    db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, select: { accessRequestMaxHours: true } }),
  ]);
  // SPEC §18: `Request access` offers every permission the member lacks, as the engine's smallest grants.
  const options = requestableOptions(member.permissions, objects);

  return (
    <div className="max-w-4xl">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-gray-600">{t("intro", { role: member.roleName, workspace: member.workspaceName })}</p>
        </div>
        <RequestAccessButton options={options} maxHours={workspace.accessRequestMaxHours} />
      </div>
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
