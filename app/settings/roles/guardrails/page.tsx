import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listRoles } from "@/lib/roles/queries";
import { listMembers } from "@/lib/members/queries";
import { listGuardrails, statementParams } from "@/lib/roles/guardrails";
import { rolesWithinAuthority } from "@/lib/access/authority";
import { listObjects } from "@/lib/metadata/queries";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { GuardrailsManager } from "@/components/roles/guardrails-manager";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("guardrails");

export default async function GuardrailsPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const [t, roles, members, guardrails, objects, localize, withinRoleIds] = await Promise.all([
    getTranslations("guardrails"),
    listRoles(db, member.workspaceId),
    listMembers(db, member.workspaceId),
    listGuardrails(db, member.workspaceId),
    listObjects(db, member.workspaceId),
    metadataLabels(),
    member.permissions.isAdmin ? null : rolesWithinAuthority(db, member),
  ]);
  const labelled = localize(objects);
  // Statements in the reader's language: the same parameters as the English ones, local labels.
  const rows = guardrails.map((guardrail) => ({ id: guardrail.id, holds: guardrail.holds, reason: guardrail.reason, params: statementParams(guardrail, guardrail.roleName, labelled) }));
  const objectOptions = labelled.map((object) => ({
    name: object.nameSingular,
    label: object.labelPlural,
    // Label and system fields follow the object: a guardrail cannot name them (the engine refuses).
    fields: object.fields.filter((field) => !field.isLabel && !field.isSystem).map((field) => ({ name: field.name, label: field.label })),
  }));

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <GuardrailsManager
        rows={rows}
        roles={roles.filter((role) => !role.isAdmin).map((role) => ({ id: role.id, name: role.name, within: withinRoleIds === null || withinRoleIds.includes(role.id) }))}
        members={members.filter((row) => !row.isAdmin).map((row) => ({ id: row.id, name: row.name, within: withinRoleIds === null || withinRoleIds.includes(row.roleId) }))}
        objects={objectOptions}
        canDelete={member.permissions.isAdmin}
      />
      <p className="mt-6">
        <Link href="/settings/roles" className="text-sm text-brand-700 hover:underline">{t("back")}</Link>
      </p>
    </div>
  );
}
