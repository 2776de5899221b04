"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { viewAsRoleAction } from "@/app/settings/roles/actions";
import { ActionButton } from "@/components/ui/action-button";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** "View as this role" (SPEC §14): opens the records with the role's read-only projection. */
export function ViewAsButton({ roleId }: { roleId: string }) {
  const t = useTranslations("viewAs");
  const errorMessage = useErrorMessage();
  const viewAs = async () => {
    const result = await viewAsRoleAction({ roleId });
    if (!result.ok) {
      toast.error(errorMessage(result.errors[0]));
      return;
    }
    window.location.assign("/");
  };
  return <ActionButton run={viewAs}>{t("start")}</ActionButton>;
}
