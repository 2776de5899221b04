import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { WorkspaceNav } from "@/components/records/workspace-nav";
import { visibleObjects } from "@/lib/records/object-view";

/** What the records pages' client components translate with (the list, filters, record page, CSV, e-mail, trash). */
const WORKSPACE_NAMESPACES = ["common", "errors", "records.list", "records.filter", "records.values", "records.create", "records.record", "records.trash", "records.csv", "records.email", "records.errors", "permissions", "viewAs"];

/** The records shell: the objects the member's role can see, the outbox, and a way to Settings. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const [t, tCommon, objects] = await Promise.all([
    getTranslations("records.nav"),
    getTranslations("common"),
    visibleObjects(db, member, await metadataLabels()),
  ]);

  return (
    <ClientMessages namespaces={WORKSPACE_NAMESPACES}>
      <AppShell
        member={member}
        appName={tCommon("appName")}
        sidebar={
          <>
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
          </>
        }
      >
        {children}
      </AppShell>
    </ClientMessages>
  );
}
