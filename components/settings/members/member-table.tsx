"use client";

import type { HeldSetView } from "@/lib/roles/permission-sets";
import { HeldSets } from "@/components/permission-sets/held-sets";
import { useTranslations } from "next-intl";
import { removeMemberAction } from "@/app/settings/members/actions";
import { Button } from "@/components/ui/button";
import { useConfirmAction } from "@/components/ui/use-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { Tooltip } from "@/components/ui/tooltip";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface MemberTableRow {
  id: string;
  name: string;
  email: string;
  roleName: string;
  /** Permission sets held beside the role (SPEC §17). */
  sets: HeldSetView[];
  isAdmin: boolean;
  joined: string;
}

export function MemberTable({ members, actorMemberId, actorIsAdmin }: { members: MemberTableRow[]; actorMemberId: string; actorIsAdmin: boolean }) {
  const t = useTranslations("settings.members");
  const errorMessage = useErrorMessage();
  const remove = useConfirmAction((member: MemberTableRow) => removeMemberAction({ memberId: member.id }), {
    failureToast: t("removeFailed"),
    success: (member) => t("removed", { name: member.name }),
  });
  const removing = remove.target;
  const adminCount = members.filter((member) => member.isAdmin).length;

  const blocker = (member: MemberTableRow) => {
    if (member.id === actorMemberId) return t("cannotRemoveSelf");
    if (member.isAdmin && !actorIsAdmin) return errorMessage({ code: "ADMIN_ONLY" });
    if (member.isAdmin && adminCount <= 1) return t("lastAdmin");
    return null;
  };

  const removeButton = (member: MemberTableRow) => {
    const reason = blocker(member);
    const button = (
      <Button
        variant="ghost"
        aria-label={t("removeNamed", { name: member.name })}
        aria-disabled={reason ? true : undefined}
        className={reason ? "cursor-not-allowed text-gray-400 hover:bg-transparent" : "text-red-700 hover:bg-red-50"}
        onClick={() => {
          if (reason) return;
          remove.ask(member);
        }}
      >
        {t("remove")}
      </Button>
    );
    return reason ? <Tooltip content={reason}>{button}</Tooltip> : button;
  };

  return (
    <>
      <DataTable
        rows={members}
        rowKey={(member) => member.id}
        empty={t("empty")}
        columns={[
          {
            key: "name",
            header: t("name"),
            rowHeader: true,
            cell: (member) => (
              <>
                {member.name}
                {member.id === actorMemberId ? <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs font-normal text-gray-600">{t("you")}</span> : null}
              </>
            ),
          },
          { key: "email", header: t("email"), cell: (member) => member.email },
          { key: "role", header: t("role"), cell: (member) => (
            <>
              {member.roleName}
              <HeldSets sets={member.sets} />
            </>
          ) },
          { key: "joined", header: t("joined"), cell: (member) => member.joined },
        ]}
        rowActions={{ label: t("actions"), cell: removeButton }}
      />

      <ConfirmDialog
        {...remove.dialog}
        title={removing ? t("removeTitle", { name: removing.name }) : ""}
        description={removing ? t("removeBody", { name: removing.name, email: removing.email }) : undefined}
      />
    </>
  );
}
