"use client";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { setAccessRequestMaxHoursAction } from "@/app/settings/security/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** Settings → Security: how long an access request may ask for, in hours (docs/reference.md §18, 7 days by default). */
export function MaxPeriodForm({ hours }: { hours: number }) {
  const t = useTranslations("accessRequests");
  const describeError = useErrorMessage();
  const id = useId();
  const [value, setValue] = useState(String(hours));
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="flex items-end gap-3 px-4 py-3 [&>div]:w-64"
      onSubmit={(event) => {
        event.preventDefault();
        start(async () => {
          setError(null);
          const result = await setAccessRequestMaxHoursAction({ hours: value }).catch(() => null);
          if (!result || !result.ok) {
            setError(describeError(result?.errors[0] ?? { code: "INTERNAL" }));
            return;
          }
          toast.success(t("saved"));
        });
      }}
    >
      <TextField id={`${id}-hours`} type="number" min={1} max={8760} label={t("maxHours")} value={value} onChange={(event) => setValue(event.target.value)} error={error} />
      <Button type="submit" variant="primary" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
