"use client";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionError, NeededGrant } from "@/lib/errors";
import { requestAccessAction } from "@/app/settings/roles/requests/actions";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/form-field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useNeededName } from "./needed-name";

const PERIODS = ["1h", "1d", "1w", "until"] as const;
type Period = (typeof PERIODS)[number];

/**
 * `Request access` (docs/reference.md §18): a dialog with the permission asked for (prefilled with the smallest
 * grant the engine found; on My role, any permission the member lacks), `Reason` (required) and
 * `For` (`1 hour`, `1 day`, `1 week` or a date and time up to the workspace's maximum).
 */
export function RequestAccessButton({ options, maxHours, className }: { options: readonly NeededGrant[]; maxHours: number; className?: string }) {
  const t = useTranslations("accessRequests");
  const describeError = useErrorMessage();
  const { name } = useNeededName();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(0);
  const [reason, setReason] = useState("");
  const [period, setPeriod] = useState<Period>("1d");
  const [until, setUntil] = useState("");
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [pending, start] = useTransition();
  if (options.length === 0) return null;

  const errorOf = (field: string) => {
    const error = errors.find((candidate) => candidate.field === field || candidate.field?.startsWith(`${field}.`));
    return error ? describeError(error) : null;
  };

  const submit = () =>
    start(async () => {
      setErrors([]);
      const forValue = period === "until" ? (until ? new Date(until).toISOString() : "") : period;
      const result = await requestAccessAction({ permission: options[choice].permission, reason, for: forValue }).catch(() => null);
      if (!result || !result.ok) {
        const failures = result?.errors ?? [{ code: "INTERNAL" as const }];
        setErrors(failures);
        const general = failures.find((error) => !error.field || !["reason", "for", "permission"].some((field) => error.field?.startsWith(field)));
        if (general) toast.error(describeError(general));
        return;
      }
      toast.success(result.data.existing ? t("alreadyOpen") : t("sent"));
      setOpen(false);
      setReason("");
    });

  return (
    <>
      <Button className={className} onClick={() => setOpen(true)}>
        {t("requestAccess")}
      </Button>
      <FormDialog open={open} onOpenChange={setOpen} title={t("requestAccess")} description={t("dialogDescription")} submitLabel={t("send")} pending={pending} onSubmit={submit}>
        <SelectField id={`${id}-permission`} label={t("permission")} value={String(choice)} onChange={(event) => setChoice(Number(event.target.value))} error={errorOf("permission")}>
          {options.map((option, index) => (
            <option key={JSON.stringify(option.permission)} value={index}>
              {name(option)}
            </option>
          ))}
        </SelectField>
        <TextAreaField id={`${id}-reason`} label={t("reason")} required rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} error={errorOf("reason")} />
        <SelectField id={`${id}-for`} label={t("for")} help={t("maxPeriod", { hours: maxHours })} value={period} onChange={(event) => setPeriod(event.target.value as Period)} error={period === "until" ? null : errorOf("for")}>
          {PERIODS.map((value) => (
            <option key={value} value={value}>
              {t(`period_${value}`)}
            </option>
          ))}
        </SelectField>
        {period === "until" ? <TextField id={`${id}-until`} type="datetime-local" label={t("until")} value={until} onChange={(event) => setUntil(event.target.value)} error={errorOf("for")} /> : null}
      </FormDialog>
    </>
  );
}
