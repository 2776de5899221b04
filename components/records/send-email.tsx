"use client";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Mail } from "lucide-react";
import type { ActionError } from "@/lib/errors";
import { sendEmailAction } from "@/app/(workspace)/outbox/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { inputClasses } from "./field-input";
import { useRecordErrors } from "./use-record-errors";
import type { ObjectView } from "./types";

/** "Send email" to the record's visible address; the message lands in the outbox. */
export function SendEmailButton({ view, recordId, to, recordLabel }: { view: ObjectView; recordId: string; to: string; recordLabel: string }) {
  const t = useTranslations("records.email");
  const describeError = useRecordErrors(view);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [pending, startTransition] = useTransition();
  const errorFor = (field: string) => {
    const error = errors.find((candidate) => candidate.field === field);
    return error ? describeError(error) : null;
  };
  const general = errors.find((error) => error.field !== "subject" && error.field !== "body");

  const send = () =>
    startTransition(async () => {
      const result = await sendEmailAction({ object: view.namePlural, id: recordId, subject, body }).catch(() => null);
      if (!result || !result.ok) {
        setErrors(result?.errors ?? [{ code: "INTERNAL" }]);
        return;
      }
      setOpen(false);
      toast.success(t("sent", { to: result.data.to }));
    });

  return (
    <>
      <Button
        onClick={() => {
          setSubject("");
          setBody("");
          setErrors([]);
          setOpen(true);
        }}
      >
        <Mail aria-hidden className="size-4" />
        {t("button")}
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title={t("title", { label: recordLabel })}
        description={t("help")}
        submitLabel={pending ? t("sending") : t("submit")}
        pending={pending}
        onSubmit={send}
        className="space-y-4"
      >
        {general ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{describeError(general)}</p> : null}
        <dl>
          <dt className="block text-sm font-medium text-gray-800">{t("to")}</dt>
          <dd className="mt-1 rounded-md bg-gray-50 px-2.5 py-1.5 text-sm text-gray-900">{to}</dd>
        </dl>
        <FormField id={`${id}-subject`} label={t("subject")} error={errorFor("subject")}>
          {(control) => <input {...control} value={subject} maxLength={200} onChange={(event) => setSubject(event.target.value)} className={`mt-1 ${inputClasses}`} />}
        </FormField>
        <FormField id={`${id}-body`} label={t("body")} error={errorFor("body")}>
          {(control) => <textarea {...control} rows={6} value={body} maxLength={10_000} onChange={(event) => setBody(event.target.value)} className={`mt-1 ${inputClasses}`} />}
        </FormField>
      </FormDialog>
    </>
  );
}
