"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { diffPermissions, type EffectivePermissions } from "@/lib/permissions";
import { usePermissionName } from "@/components/permissions/use-permission-name";
import type { Assignee } from "@/lib/roles/assignees";
import type { EditorObject, EditorRole, RoleEditorProps } from "./types";

interface ImpactPanelProps {
  role: EditorRole;
  saved: EffectivePermissions;
  draft: EffectivePermissions;
  principals: RoleEditorProps["principals"];
  objects: EditorObject[];
}

/**
 * SPEC §14 "Impact of these changes": before Save, who holds the role and what each of them
 * gains and loses, from the engine's diff of the saved and the edited role.
 */
export function ImpactPanel({ role, saved, draft, principals, objects }: ImpactPanelProps) {
  const t = useTranslations("roles.impact");
  const permissionName = usePermissionName(objects);
  const diff = useMemo(() => diffPermissions(saved, draft), [saved, draft]);
  // A key or agent without a role acts with the default role: it is a holder of the default.
  // A permission set's holders are those it is assigned to (SPEC §17).
  const holdsRole = (roleId: string | null) => roleId === role.id || (role.isDefault && roleId === null);
  const holds = (principal: Assignee, isMember = false) =>
    role.kind === "set" ? principal.sets.some((held) => held.id === role.id) : isMember ? principal.roleId === role.id : holdsRole(principal.roleId);
  const holders = {
    members: principals.members.filter((member) => holds(member, true)),
    apiKeys: principals.apiKeys.filter((key) => holds(key)),
    agents: principals.agents.filter((agent) => holds(agent)),
  };
  const counts = { members: holders.members.length, apiKeys: holders.apiKeys.length, agents: holders.agents.length };
  // For a role: holders who also hold sets keep what those sets give, whatever the role loses.
  const withSets = role.kind === "set" ? 0 : [...holders.members, ...holders.apiKeys, ...holders.agents].filter((principal) => principal.sets.length > 0).length;

  return (
    <section aria-labelledby="impact-title" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
      <h2 id="impact-title" className="font-semibold text-amber-900">{t("title")}</h2>
      <p className="mt-1 text-amber-900">{t("holders", counts)}</p>
      {role.isDefault ? <p className="text-xs text-amber-800">{t("defaultNote")}</p> : null}
      {withSets > 0 ? <p className="text-xs text-amber-800">{t("keptThroughSets", { count: withSets })}</p> : null}
      {diff.gains.length + diff.losses.length === 0 ? (
        <p className="mt-2 text-amber-900">{t("none")}</p>
      ) : (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-amber-950">
          {diff.losses.map((item, index) => (
            <li key={`loss-${index}`}>{t("loses", { permission: permissionName(item) })}</li>
          ))}
          {diff.gains.map((item, index) => (
            <li key={`gain-${index}`}>{t("gains", { permission: permissionName(item) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
