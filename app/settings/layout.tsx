import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { ClientMessages } from "@/components/i18n/client-messages";
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
    // The role editor and the settings forms use most of the catalog (components/i18n/client-messages.tsx).
    <ClientMessages namespaces="all">
      <AppShell
        member={member}
        appName={t("common.appName")}
        sidebar={
          <>
            <Link href="/objects" className="mt-4 flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-gray-700 hover:bg-gray-100">
              <ArrowLeft aria-hidden className="size-4" />
              {t("nav.records")}
            </Link>
            <p className="mt-6 px-2.5 text-xs font-medium uppercase tracking-wide text-gray-500">{t("nav.settings")}</p>
            <div className="mt-2">
              <SettingsNav label={t("nav.settingsNavigation")} items={items} />
            </div>
          </>
        }
      >
        {children}
      </AppShell>
    </ClientMessages>
  );
}
