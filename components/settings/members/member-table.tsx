"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { removeMemberAction } from "@/app/settings/members/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { Tooltip } from "@/components/ui/tooltip";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface MemberTableRow {
  id: string;
  name: string;
  email: string;
  roleName: string;
  isAdmin: boolean;
  joined: string;
}

export function MemberTable({ members, actorMemberId, actorIsAdmin }: { members: MemberTableRow[]; actorMemberId: string; actorIsAdmin: boolean }) {
  const t = useTranslations("settings.members");
  const errorMessage = useErrorMessage();
  const tc = useTranslations("common");
  const router = useRouter();
  const [removing, setRemoving] = useState<MemberTableRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, startWork] = useTransition();
  const adminCount = members.filter((member) => member.isAdmin).length;

  const blocker = (member: MemberTableRow) => {
    if (member.id === actorMemberId) return t("cannotRemoveSelf");
    if (member.isAdmin && !actorIsAdmin) return errorMessage({ code: "ADMIN_ONLY" });
    if (member.isAdmin && adminCount <= 1) return t("lastAdmin");
    return null;
  };

  const confirm = () =>
    startWork(async () => {
      if (!removing) return;
      const result = await removeMemberAction({ memberId: removing.id });
      if (!result.ok) {
        setError(errorMessage(result.errors[0]));
        toast.error(t("removeFailed"));
        return;
      }
      toast.success(t("removed", { name: result.data.name }));
      setRemoving(null);
      router.refresh();
    });

  if (members.length === 0) return <p className="px-4 py-6 text-center text-sm text-gray-500">{t("empty")}</p>;

  return (
    <>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
            <th scope="col" className="px-4 py-2 font-medium">{t("name")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("email")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("role")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("joined")}</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium"><span className="sr-only">{t("actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const reason = blocker(member);
            const button = (
              <Button
                variant="ghost"
                aria-label={t("removeNamed", { name: member.name })}
                aria-disabled={reason ? true : undefined}
                className={reason ? "cursor-not-allowed text-gray-400 hover:bg-transparent" : "text-red-700 hover:bg-red-50"}
                onClick={() => {
                  if (reason) return;
                  setError(null);
                  setRemoving(member);
                }}
              >
                {t("remove")}
              </Button>
            );
            return (
              <tr key={member.id} className="border-b border-gray-100 last:border-b-0">
                <th scope="row" className="px-4 py-2.5 text-left font-medium text-gray-900">
                  {member.name}
                  {member.id === actorMemberId ? <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs font-normal text-gray-600">{t("you")}</span> : null}
                </th>
                <td className="py-2.5 pr-4 text-gray-700">{member.email}</td>
                <td className="py-2.5 pr-4 text-gray-700">{member.roleName}</td>
                <td className="py-2.5 pr-4 text-gray-700">{member.joined}</td>
                <td className="py-1.5 pr-4 text-right">{reason ? <Tooltip content={reason}>{button}</Tooltip> : button}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <Modal
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={removing ? t("removeTitle", { name: removing.name }) : ""}
        description={removing ? t("removeBody", { name: removing.name, email: removing.email }) : undefined}
        closeLabel={tc("close")}
        footer={
          <>
            <Button onClick={() => setRemoving(null)}>{tc("cancel")}</Button>
            <Button variant="danger" onClick={confirm} disabled={working}>{tc("confirm")}</Button>
          </>
        }
      >
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      </Modal>
    </>
  );
}
