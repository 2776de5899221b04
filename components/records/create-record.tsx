"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionError } from "@/lib/errors";
import { createRecordAction } from "@/app/(workspace)/objects/actions";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { EditableField } from "./editable-field";
import { useRecordErrors } from "./use-record-errors";
import { createValuesOf, type Draft } from "./values";
import type { ObjectView } from "./types";

/** "+ New record": a dialog with the fields the role may write; the server checks them again. */
export function CreateRecordButton({ view }: { view: ObjectView }) {
  const t = useTranslations("records.create");
  const router = useRouter();
  const queryClient = useQueryClient();
  const describeError = useRecordErrors(view);
  const idPrefix = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [pending, startTransition] = useTransition();
  const fields = view.fields.filter((field) => field.creatable);

  const fieldError = (name: string) => {
    const error = errors.find((candidate) => candidate.field === name);
    return error ? describeError(error, { empty: (draft[name] ?? "").trim() === "" }) : null;
  };
  const formError = errors.find((error) => !error.field || !fields.some((field) => field.name === error.field));

  const submit = () =>
    startTransition(async () => {
      const result = await createRecordAction({ object: view.namePlural, values: createValuesOf(fields, draft) });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      toast.success(t("created", { object: view.labelSingular }));
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ["records", view.namePlural] });
      router.push(`/objects/${view.namePlural}/${encodeURIComponent(result.data.id)}`);
    });

  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          setDraft({});
          setErrors([]);
          setOpen(true);
        }}
      >
        {t("button")}
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title={t("title", { object: view.labelSingular })}
        submitLabel={pending ? t("creating") : t("submit")}
        pending={pending}
        onSubmit={submit}
        className="max-h-[60vh] space-y-4 overflow-y-auto pr-1"
      >
        {formError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {describeError(formError)}
          </p>
        ) : null}
        {fields.map((field) => (
          <EditableField
            key={field.name}
            object={view.namePlural}
            field={field}
            idPrefix={idPrefix}
            value={draft[field.name] ?? ""}
            onChange={(value) => setDraft((current) => ({ ...current, [field.name]: value }))}
            error={fieldError(field.name)}
          />
        ))}
      </FormDialog>
    </>
  );
}
