"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { importRoleAction } from "@/app/settings/roles/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { FieldError } from "@/components/ui/field-error";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** Creates a role from a JSON file exported by "Export as JSON" (validated on the server). */
export function ImportRoleButton() {
  const t = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = () =>
    startTransition(async () => {
      if (!file) return;
      const result = await importRoleAction({ text: await file.text() });
      if (!result.ok) {
        const first = result.errors[0];
        setError(first.code === "VALIDATION_FAILED" ? t("importInvalid") : errorMessage(first));
        return;
      }
      setOpen(false);
      toast.success(t("imported", { name: result.data.name }));
      router.push(`/settings/roles/${result.data.id}`);
    });

  return (
    <>
      <Button onClick={() => { setFile(null); setError(null); setOpen(true); }}>{t("importJson")}</Button>
      <Modal
        open={open}
        onOpenChange={setOpen}
        title={t("importJson")}
        description={t("importHelp")}
       
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{tc("cancel")}</Button>
            <Button variant="primary" onClick={submit} disabled={!file || pending}>{tc("confirm")}</Button>
          </>
        }
      >
        <label htmlFor="role-file" className="block text-sm font-medium text-gray-800">{t("importFile")}</label>
        <input
          id="role-file"
          type="file"
          accept="application/json,.json"
          aria-invalid={error ? true : undefined}
          aria-describedby="role-file-error"
          onChange={(event) => { setError(null); setFile(event.target.files?.[0] ?? null); }}
          className="mt-1 block w-full text-sm text-gray-700 file:mr-3 file:rounded-md file:border file:border-gray-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <FieldError id="role-file-error" message={error} />
      </Modal>
    </>
  );
}
