import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { listObjects } from "@/lib/metadata/queries";
import { heldSets } from "@/lib/access/grants";
import { HeldSets } from "@/components/permission-sets/held-sets";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { EffectivePermissionsView } from "@/components/permissions/effective-permissions-view";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("myRole");

export default async function MyRolePage() {
  const member = await requireMember();
  const [t, objects, sets] = await Promise.all([
    getTranslations("myRole"),
    listObjects(db, member.workspaceId).then(async (rows) => (await metadataLabels())(rows)),
    heldSets(db, member.workspaceId, "member", member.id),
  ]);

  return (
    <div className="max-w-4xl">
      <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-600">{t("intro", { role: member.roleName, workspace: member.workspaceName })}</p>
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
