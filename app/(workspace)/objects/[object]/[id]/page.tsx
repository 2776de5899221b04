import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { isDomainError } from "@/lib/errors";
import { getRecord, visibleFieldsOf, type VisibleRecord } from "@/lib/records";
import { relatedLabels } from "@/lib/csv/related-labels";
import { RecordDetail } from "@/components/records/record-detail";
import { RecordNotFound, RecordsNoAccess } from "@/components/records/records-no-access";
import { requestObjectView } from "@/lib/records/request-view";
import { neededFor } from "@/lib/access-requests/options";
import { RecordShares } from "@/components/records/record-shares";
import { listRecordShares } from "@/lib/records/shares";
import { recordReachPaths } from "@/lib/records/record-paths";
import { maySomeShare } from "@/lib/permissions";
import { recordPrincipalOf } from "@/lib/access/principal";

interface Props {
  params: Promise<{ object: string; id: string }>;
}

export async function generateMetadata({ params }: Props) {
  const { object, id } = await params;
  const loaded = await requestObjectView(object);
  if (!loaded) return { title: (await getTranslations("records.noAccess"))("title") };
  const record = await getRecord(db, await requireMember(), loaded.object.namePlural, id).catch(() => null);
  const label = record && loaded.view.labelField ? record[loaded.view.labelField] : null;
  return { title: typeof label === "string" && label !== "" ? label : loaded.view.labelSingular };
}

export default async function RecordPage({ params }: Props) {
  const member = await requireMember();
  const { object, id } = await params;
  const loaded = await requestObjectView(object);
  if (!loaded) return <RecordsNoAccess />;

  let record: VisibleRecord;
  try {
    record = await getRecord(db, member, loaded.object.namePlural, id);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return <RecordNotFound object={loaded.view.namePlural} objectLabel={loaded.view.labelPlural} />;
    if (isDomainError(error) && error.code === "FORBIDDEN") return <RecordsNoAccess />;
    throw error;
  }
  const canShare = maySomeShare(member.permissions, loaded.object.nameSingular) && !member.viewingAs;
  const [labels, workspace, shares, targets, paths] = await Promise.all([
    relatedLabels(db, member, visibleFieldsOf(member, loaded.object), [record]),
    db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, select: { accessRequestMaxHours: true } }),
    listRecordShares(db, member, loaded.object.namePlural, id),
    canShare ? shareTargets(member.workspaceId, member.id) : Promise.resolve([]),
    recordReachPaths(db, member, loaded.object.namePlural, id),
  ]);
  // docs/reference.md §18: a record the member may not change says what would allow it, and offers to ask for it.
  const needs = loaded.view.can.update
    ? null
    : neededFor(member.permissions, { kind: "object", action: "edit", object: loaded.object.nameSingular, record, principal: recordPrincipalOf(member) }, [{ ...loaded.view, fields: loaded.view.fields }]);
  // A new server render (after a save or a restore elsewhere) starts the form from the saved values.
  return (
    <>
      <RecordDetail key={`${id}:${String(record.updatedAt)}:${String(record.deletedAt)}`} view={loaded.view} record={record} labels={labels} needs={needs} maxRequestHours={workspace.accessRequestMaxHours} />
      <RecordShares object={loaded.object.namePlural} recordId={id} shares={shares} targets={targets} canShare={canShare} paths={paths} />
    </>
  );
}

/** Whom `Share` offers (docs/reference.md §19): every other member, then every team, by name. */
async function shareTargets(workspaceId: string, selfId: string) {
  const [members, teams] = await Promise.all([
    db.workspaceMember.findMany({ where: { workspaceId, id: { not: selfId } }, select: { id: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } }),
    db.team.findMany({ where: { workspaceId }, select: { id: true, name: true }, orderBy: { nameKey: "asc" } }),
  ]);
  return [
    ...members.map((member) => ({ kind: "member" as const, id: member.id, name: member.user.name })),
    ...teams.map((team) => ({ kind: "team" as const, id: team.id, name: team.name })),
  ];
}
