import type { ReactNode } from "react";
import type { requireMember } from "@/lib/access/current-member";
import { AccountFooter } from "@/components/layout/account-footer";
import { DemoBanner } from "@/components/layout/demo-banner";
import { ViewAsBanner } from "@/components/layout/view-as-banner";

type Member = Awaited<ReturnType<typeof requireMember>>;

/** The signed-in page frame: a sidebar (workspace name, `sidebar`, account) beside the page with its banners. */
export function AppShell({ member, appName, sidebar, children }: { member: Member; appName: string; sidebar: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-gray-200 bg-gray-50 px-3 py-4">
        <div className="px-2.5">
          <p className="text-sm font-semibold text-gray-900">{member.workspaceName}</p>
          <p className="text-xs text-gray-500">{appName}</p>
        </div>
        {sidebar}
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
