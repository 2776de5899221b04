import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LogOut } from "lucide-react";
import { db } from "@/lib/db";
import { requireMember } from "@/lib/auth/current-member";
import { canSetting } from "@/lib/permissions";
import { LanguageSelect } from "@/components/layout/language-select";
import { WorkspaceNav } from "@/components/records/workspace-nav";
import { signOutAction } from "@/app/(auth)/sign-in/actions";
import { visibleObjects } from "./objects/object-view";

/** The records shell: the objects the member's role can see, the outbox, and a way to Settings. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const [t, tAuth, tCommon, objects] = await Promise.all([
    getTranslations("records.nav"),
    getTranslations("auth"),
    getTranslations("common"),
    visibleObjects(db, member),
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
        <div className="mt-auto space-y-3 border-t border-gray-200 px-2.5 pt-4">
          <div>
            <p className="truncate text-sm font-medium text-gray-900">{member.name}</p>
            <p className="truncate text-xs text-gray-600">
              {member.email} · {member.roleName}
            </p>
          </div>
          <LanguageSelect />
          <form action={signOutAction}>
            <button type="submit" className="inline-flex items-center gap-1.5 text-sm text-gray-700 hover:text-gray-900">
              <LogOut aria-hidden className="size-4" />
              {tAuth("signOut")}
            </button>
          </form>
        </div>
      </aside>
      <main className="min-w-0 flex-1 bg-white px-10 py-8">{children}</main>
    </div>
  );
}
