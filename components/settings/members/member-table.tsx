"use client";

import type { HeldSetView } from "@/lib/roles/permission-sets";
import { HeldSets } from "@/components/permission-sets/held-sets";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { removeMemberAction, setManagerAction } from "@/app/settings/members/actions";
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
  /** Permission sets held beside the role (docs/reference.md §17). */
  sets: HeldSetView[];
  isAdmin: boolean;
  joined: string;
  managerId: string | null;
  deactivated?: boolean;
}

/** A member's `Manager` (docs/reference.md §19): saved on change; a cycle or a change beyond authority is refused by the server. */
function ManagerSelect({ member, members }: { member: MemberTableRow; members: readonly MemberTableRow[] }) {
  const t = useTranslations("settings.members");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [pending, startTransition] = useTransition();
  const change = (managerId: string | null) =>
    startTransition(async () => {
      const result = await setManagerAction({ memberId: member.id, managerId });
      if (!result.ok) {
        toast.error(errorMessage(result.errors[0] ?? { code: "INTERNAL" }));
        router.refresh();
        return;
      }
      toast.success(result.data.managerName ? t("managerSet", { name: result.data.name, manager: result.data.managerName }) : t("managerCleared", { name: result.data.name }));
      router.refresh();
    });
  return (
    <select
      aria-label={t("managerOf", { name: member.name })}
      className="rounded border border-gray-300 bg-white px-2 py-1 text-sm"
      value={member.managerId ?? ""}
      disabled={pending}
      onChange={(event) => change(event.target.value || null)}
    >
      <option value="">{t("noManager")}</option>
      {members
        .filter((other) => other.id !== member.id)
        .map((other) => (
          <option key={other.id} value={other.id}>
            {other.name}
          </option>
        ))}
    </select>
  );
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
          { key: "email", header: t("email"), cell: (member) => (member.deactivated ? <>{member.email} <span className="ml-1 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">{t("deactivated")}</span></> : member.email) },
          { key: "role", header: t("role"), cell: (member) => (
            <>
              {member.roleName}
              <HeldSets sets={member.sets} />
            </>
          ) },
          { key: "manager", header: t("manager"), cell: (member) => <ManagerSelect member={member} members={members} /> },
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
