import type { ReactNode } from "react";
import { AccountFooter } from "@/components/layout/account-footer";
import { DemoBanner } from "@/components/layout/demo-banner";
import { ViewAsBanner } from "@/components/layout/view-as-banner";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { WorkspaceNav } from "@/components/records/workspace-nav";
import { visibleObjects } from "@/lib/records/object-view";

/** The records shell: the objects the member's role can see, the outbox, and a way to Settings. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const [t, tCommon, objects] = await Promise.all([
    getTranslations("records.nav"),
    getTranslations("common"),
    visibleObjects(db, member, await metadataLabels()),
  ]);

  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-gray-200 bg-gray-50 px-3 py-4">
        <div className="px-2.5">
          <p className="text-sm font-semibold text-gray-900">{member.workspaceName}</p>
          <p className="text-xs text-gray-500">{tCommon("appName")}</p>
        </div>
        <div className="mt-6">
          <WorkspaceNav
            label={t("label")}
            objectsHeading={t("objects")}
            objects={objects.map((object) => ({ href: `/objects/${object.namePlural}`, label: object.labelPlural }))}
            others={[
              { href: "/outbox", label: t("outbox") },
              { href: canSetting(member.permissions, "ROLES") ? "/settings/roles" : "/settings/my-role", label: t("settings") },
            ]}
          />
        </div>
        <AccountFooter member={member} />
      </aside>
      <main className="min-w-0 flex-1 bg-white px-10 py-8">
        <DemoBanner show={member.workspaceIsDemo} />
        <ViewAsBanner viewingAs={member.viewingAs} />
        {children}
      </main>
    </div>
  );
}
