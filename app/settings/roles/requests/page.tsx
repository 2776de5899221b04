import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { openSettingsPage } from "@/lib/access/settings-guard";
import { canSetting } from "@/lib/permissions";
import { listObjects } from "@/lib/metadata/queries";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { listApprovableRequests } from "@/lib/access-requests/requests";
import { toNeededGrant } from "@/lib/access-requests/options";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { RequestsList } from "@/components/access-requests/requests-list";
import { ProposalsList } from "@/components/access-requests/proposals-list";
import { listApplicableProposals } from "@/lib/access-requests/proposals";

export async function generateMetadata() {
  return { title: (await getTranslations("accessRequests"))("title") };
}

/** docs/reference.md §18: the open access requests the member may grant (`Roles` and the grant within their authority). */
export default async function RequestsPage() {
  const { member, allowed } = await openSettingsPage("/settings/roles/requests");
  if (!allowed) return <NoAccess setting="ROLES" />;
  const [t, tg, requests, objects, proposals] = await Promise.all([
    getTranslations("accessRequests"),
    getTranslations("guardrails"),
    listApprovableRequests(db, member),
    listObjects(db, member.workspaceId).then(async (rows) => (await metadataLabels())(rows)),
    listApplicableProposals(db, member),
  ]);
  const labels = objects.map((object) => ({ name: object.nameSingular, labelPlural: object.labelPlural, fields: object.fields.map((field) => ({ name: field.name, label: field.label })) }));
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <RequestsList requests={requests.map((request) => ({ ...request, permission: toNeededGrant(request.permission, objects) }))} objects={labels} />
      <ProposalsList proposals={proposals} objects={labels} />
      <p className="mt-6">
        <Link href="/settings/roles" className="text-sm text-brand-700 hover:underline">{tg("back")}</Link>
      </p>
    </div>
  );
}
