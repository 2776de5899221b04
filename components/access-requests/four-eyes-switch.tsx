"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setRoleChangesNeedApprovalAction } from "@/app/settings/security/actions";
import { SwitchRow } from "@/components/ui/switch-row";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** Settings → Security → `Role changes need approval` (docs/reference.md §18, off by default; Admins switch it). */
export function FourEyesSwitch({ on, disabled }: { on: boolean; disabled: boolean }) {
  const t = useTranslations("accessRequests");
  const describeError = useErrorMessage();
  const router = useRouter();
  const [checked, setChecked] = useState(on);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="px-4">
      <SwitchRow
        id="role-changes-need-approval"
        label={t("needApproval")}
        description={t("needApprovalHelp")}
        checked={checked}
        disabled={disabled || pending}
        error={error}
        onCheckedChange={(next) =>
          start(async () => {
            setError(null);
            const result = await setRoleChangesNeedApprovalAction({ on: next }).catch(() => null);
            if (!result || !result.ok) {
              setError(describeError(result?.errors[0] ?? { code: "INTERNAL" }));
              return;
            }
            setChecked(next);
            router.refresh();
          })
        }
      />
    </div>
  );
}
