import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Bot } from "lucide-react";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { WORKFLOWS } from "@/lib/workflows/catalog";
import { listWorkflowRuns, workflowAgent } from "@/lib/workflows/run";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/data-table";
import { RunWorkflowButton } from "@/components/settings/workflows/run-workflow-button";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("settings.workflows");

export default async function WorkflowsPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "WORKFLOWS")) return <NoAccess />;
  const [t, format, agent, workspace] = await Promise.all([
    getTranslations("settings.workflows"),
    getFormatter(),
    workflowAgent(db, member.workspaceId),
    db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, include: { defaultRole: { select: { name: true } } } }),
  ]);
  const runs = await Promise.all(WORKFLOWS.map((workflow) => listWorkflowRuns(db, member, workflow.id)));
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
            <Section
              key={workflow.id}
              id={headingId}
              title={<>{name} <span className="ml-1 rounded bg-gray-100 px-1.5 py-0.5 text-xs font-normal text-gray-600">{t("builtIn")}</span></>}
              description={
                <>
                  <p className="mt-1 text-sm text-gray-600">{t(`catalog.${workflow.messageKey}.description`, { days: workflow.staleAfterDays })}</p>
                  <p className="mt-1 text-xs text-gray-500">{t("trigger")}</p>
                </>
              }
              actions={<RunWorkflowButton workflowId={workflow.id} workflowName={name} />}
            >
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
                <DataTable
                  layout="plain"
                  gutter="pr-4"
                  className="mt-2"
                  rowClassName="last:border-b-0"
                  rows={runs[index]}
                  rowKey={(run) => run.id}
                  empty={<p className="py-3 text-sm text-gray-500">{t("noRuns")}</p>}
                  columns={[
                    { key: "when", header: t("when"), cell: (run) => format.dateTime(run.at, { dateStyle: "medium", timeStyle: "short" }) },
                    { key: "by", header: t("by"), cell: (run) => run.by },
                    { key: "result", header: t("result"), cell: (run) => (!run.outcome ? "—" : run.staleCount === null && (run.outcome === "sent" || run.outcome === "agentCannotEmail") ? t(`uncounted.${run.outcome}`) : t(`outcomes.${run.outcome}`, { count: run.staleCount ?? 0 })) },
                  ]}
                />
              </div>
            </Section>
          );
        })}
      </div>
    </div>
  );
}
