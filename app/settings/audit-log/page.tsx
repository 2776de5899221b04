import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listAuditActors, listAuditEntries, type AuditFilter } from "@/lib/audit/queries";
import { NoAccess } from "@/components/layout/no-access";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/section";
import { DataTable } from "@/components/ui/data-table";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("audit");

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// Bad query parameters are ignored, not fatal: the page falls back to no filter.
const filterParams = z.object({
  roleId: z.string().max(100).optional().catch(undefined),
  actor: z.string().max(200).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  after: z.string().max(100).optional().catch(undefined),
});

const inputClasses = "mt-1 block rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

function pretty(json: string | null) {
  if (!json) return "—";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** The before and after of one entry, folded away until asked for. */
function Changes({ before, after, label, beforeLabel, afterLabel }: { before: string | null; after: string | null; label: string; beforeLabel: string; afterLabel: string }) {
  return (
    <details>
      <summary className="cursor-pointer text-xs text-brand-700">{label}</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {[
          [beforeLabel, before],
          [afterLabel, after],
        ].map(([heading, json]) => (
          <div key={heading}>
            <p className="text-xs font-medium text-gray-600">{heading}</p>
            <pre className="mt-1 max-h-64 overflow-auto rounded bg-gray-50 p-2 text-xs text-gray-800">{pretty(json)}</pre>
          </div>
        ))}
      </div>
    </details>
  );
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const filter: AuditFilter = filterParams.parse(await searchParams);
  const [t, format, { entries, hasMore, lastId }, actors, roles] = await Promise.all([
    getTranslations("audit"),
    getFormatter(),
    listAuditEntries(db, member, filter),
    listAuditActors(db, member.workspaceId),
    db.role.findMany({ where: { workspaceId: member.workspaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  // Message keys cannot contain dots (they mean nesting): `role.created` is `actions.role_created`.
  const actionLabel = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key as "actions.role_created") : action;
  };
  const kindLabel = (kind: string) => (t.has(`actorKind.${kind}`) ? t(`actorKind.${kind}` as "actorKind.member") : kind);
  const olderHref = () => {
    const params = new URLSearchParams(Object.entries({ ...filter, after: lastId ?? undefined }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/settings/audit-log?${params}`;
  };

  return (
    <div className="max-w-5xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-4">
        <label className="text-xs font-medium text-gray-700">
          {t("role")}
          <select name="roleId" defaultValue={filter.roleId ?? ""} className={inputClasses}>
            <option value="">{t("allRoles")}</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>{role.name}</option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-gray-700">
          {t("actor")}
          <select name="actor" defaultValue={filter.actor ?? ""} className={inputClasses}>
            <option value="">{t("allActors")}</option>
            {actors.map((actor) => (
              <option key={actor.value} value={actor.value}>{actor.label} ({kindLabel(actor.kind)})</option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-gray-700">
          {t("from")}
          <input type="date" name="from" defaultValue={filter.from} className={inputClasses} />
        </label>
        <label className="text-xs font-medium text-gray-700">
          {t("to")}
          <input type="date" name="to" defaultValue={filter.to} className={inputClasses} />
        </label>
        <button type="submit" className={buttonClasses("primary")}>{t("apply")}</button>
        <Link href="/settings/audit-log" className={buttonClasses("ghost")}>{t("reset")}</Link>
      </form>

      <DataTable
        layout="plain"
        className="mt-6"
        rowClassName="align-top"
        rows={entries}
        rowKey={(entry) => entry.id}
        empty={<EmptyState className="mt-8">{t("empty")}</EmptyState>}
        columns={[
          {
            key: "when",
            header: t("when"),
            className: "whitespace-nowrap text-gray-700",
            cell: (entry) => <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>,
          },
          {
            key: "actor",
            header: t("actor"),
            className: "text-gray-900",
            cell: (entry) => (
              <>
                {entry.actorLabel}
                <span className="block text-xs text-gray-500">{kindLabel(entry.actorType)}</span>
              </>
            ),
          },
          { key: "what", header: t("what"), className: "text-gray-900", cell: (entry) => actionLabel(entry.action) },
          { key: "target", header: t("target"), cell: (entry) => entry.targetLabel || entry.targetType },
          { key: "changes", header: t("changes"), className: "", cell: (entry) => (entry.before || entry.after ? <Changes before={entry.before} after={entry.after} label={t("changes")} beforeLabel={t("before")} afterLabel={t("after")} /> : null) },
        ]}
      />
      {hasMore ? (
        <div className="mt-4 text-center">
          <Link href={olderHref()} className={buttonClasses("secondary")}>{t("more")}</Link>
        </div>
      ) : null}
    </div>
  );
}
