"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { signOutOtherSessionsAction } from "@/app/settings/account/actions";
import { ActionButton } from "@/components/ui/action-button";

export function SignOutAllButton() {
  const t = useTranslations("account");
  const te = useTranslations("errors");
  const signOutOthers = async () => {
    const result = await signOutOtherSessionsAction();
    if (result.ok) toast.success(t("signedOutAll"));
    else toast.error(te(result.errors[0].code));
  };
  return <ActionButton run={signOutOthers}>{t("signOutAll")}</ActionButton>;
}
