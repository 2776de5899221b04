import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Bot } from "lucide-react";
import { db } from "@/lib/db";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { WORKFLOWS } from "@/lib/workflows/catalog";
import { listWorkflowRuns, workflowAgent } from "@/lib/workflows/run";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/settings/page-header";
import { RunWorkflowButton } from "@/components/settings/workflows/run-workflow-button";

export async function generateMetadata() {
  const t = await getTranslations("settings.workflows");
  return { title: t("title") };
}

export default async function WorkflowsPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "WORKFLOWS")) return <NoAccess />;
  const [t, format, agent, workspace] = await Promise.all([
    getTranslations("settings.workflows"),
    getFormatter(),
    workflowAgent(db, member.workspaceId),
    db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, include: { defaultRole: { select: { name: true } } } }),
  ]);
  const runs = await Promise.all(WORKFLOWS.map((workflow) => listWorkflowRuns(db, member.workspaceId, workflow.id)));
  const agentRoleName = agent ? (agent.role?.name ?? workspace.defaultRole?.name ?? "") : null;
  const canOpenRoles = canSetting(member.permissions, "ROLES");

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="mt-8 space-y-6">
        {WORKFLOWS.map((workflow, index) => {
          const name = t(`catalog.${workflow.messageKey}.name`);
          const headingId = `workflow-${workflow.id}`;
          return (
            <section key={workflow.id} aria-labelledby={headingId} className="rounded-lg border border-gray-200 bg-white">
              <header className="flex items-start justify-between gap-4 border-b border-gray-100 px-4 py-3">
                <div>
                  <h2 id={headingId} className="text-sm font-semibold text-gray-900">
                    {name} <span className="ml-1 rounded bg-gray-100 px-1.5 py-0.5 text-xs font-normal text-gray-600">{t("builtIn")}</span>
                  </h2>
                  <p className="mt-1 text-sm text-gray-600">{t(`catalog.${workflow.messageKey}.description`, { days: workflow.staleAfterDays })}</p>
                  <p className="mt-1 text-xs text-gray-500">{t("trigger")}</p>
                </div>
                <RunWorkflowButton workflowId={workflow.id} workflowName={name} />
              </header>

              <div className="flex items-start gap-3 border-b border-gray-100 px-4 py-3 text-sm">
                <Bot aria-hidden className="mt-0.5 size-4 shrink-0 text-gray-500" />
                {agent ? (
                  <p className="text-gray-700">
                    {t.rich("runsAs", {
                      agent: agent.name,
                      role: agentRoleName ?? "",
                      strong: (chunks) => <strong className="font-medium text-gray-900">{chunks}</strong>,
                    })}{" "}
                    {t("agentNote")}{" "}
                    {canOpenRoles && agent.roleId ? (
                      <Link href={`/settings/roles/${agent.roleId}?tab=assignment`} className="font-medium text-brand-700 hover:underline">{t("changeAgentRole")}</Link>
                    ) : null}
                  </p>
                ) : (
                  <p className="text-amber-800">{t("noAgent")}</p>
                )}
              </div>

              <div className="px-4 py-3">
                <h3 className="text-xs font-medium uppercase tracking-wide text-gray-500">{t("history")}</h3>
                {runs[index].length === 0 ? (
                  <p className="py-3 text-sm text-gray-500">{t("noRuns")}</p>
                ) : (
                  <table className="mt-2 w-full border-collapse text-sm">
                    <thead>
                      <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
                        <th scope="col" className="py-2 pr-4 font-medium">{t("when")}</th>
                        <th scope="col" className="py-2 pr-4 font-medium">{t("by")}</th>
                        <th scope="col" className="py-2 font-medium">{t("result")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {runs[index].map((run) => (
                        <tr key={run.id} className="border-b border-gray-100 last:border-b-0">
                          <td className="py-2 pr-4 text-gray-700">{format.dateTime(run.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                          <td className="py-2 pr-4 text-gray-700">{run.by}</td>
                          <td className="py-2 text-gray-700">{run.outcome ? t(`outcomes.${run.outcome}`, { count: run.staleCount }) : "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
