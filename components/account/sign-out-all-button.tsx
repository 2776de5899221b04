"use client";

import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { signOutOtherSessionsAction } from "@/app/settings/account/actions";
import { Button } from "@/components/ui/button";

export function SignOutAllButton() {
  const t = useTranslations("account");
  const te = useTranslations("errors");
  const [pending, startTransition] = useTransition();
  return (
    <Button
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await signOutOtherSessionsAction();
          if (result.ok) toast.success(t("signedOutAll"));
          else toast.error(te(result.errors[0].code));
        })
      }
    >
      {t("signOutAll")}
    </Button>
  );
}
