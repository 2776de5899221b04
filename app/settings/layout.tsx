import type { ReactNode } from "react";
import { AccountFooter } from "@/components/layout/account-footer";
import { DemoBanner } from "@/components/layout/demo-banner";
import { ViewAsBanner } from "@/components/layout/view-as-banner";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { SETTINGS_PAGES } from "@/lib/access/settings-pages";
import { SettingsNav } from "@/components/layout/settings-nav";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const t = await getTranslations();
  const items = SETTINGS_PAGES.filter((page) => page.permission === null || canSetting(member.permissions, page.permission)).map(
    (page) => ({ href: page.href, label: t(`nav.${page.labelKey}`) }),
  );

  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-gray-200 bg-gray-50 px-3 py-4">
        <div className="px-2.5">
          <p className="text-sm font-semibold text-gray-900">{member.workspaceName}</p>
          <p className="text-xs text-gray-500">{t("common.appName")}</p>
        </div>
        <Link href="/objects" className="mt-4 flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-gray-700 hover:bg-gray-100">
          <ArrowLeft aria-hidden className="size-4" />
          {t("nav.records")}
        </Link>
        <p className="mt-6 px-2.5 text-xs font-medium uppercase tracking-wide text-gray-500">{t("nav.settings")}</p>
        <div className="mt-2">
          <SettingsNav label={t("nav.settingsNavigation")} items={items} />
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
