"use client";

import { useId, useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Download, Upload } from "lucide-react";
import type { ActionError } from "@/lib/errors";
import { exportCsvAction, importCsvAction } from "@/app/(workspace)/objects/actions";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/csv/limits";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { useRecordErrors } from "./use-record-errors";
import type { ListQuery, ObjectView } from "./types";


function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports what the list shows (same filters, sort and search), visible fields only. */
export function ExportCsvButton({ view, query }: { view: ObjectView; query: ListQuery }) {
  const t = useTranslations("records.csv");
  const describeError = useRecordErrors(view);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      const result = await exportCsvAction({ object: view.namePlural, filter: query.filter, orderBy: query.orderBy, search: query.search || null }).catch(
        () => null,
      );
      if (!result || !result.ok) {
        toast.error(describeError(result?.errors[0] ?? { code: "INTERNAL" }));
        return;
      }
      download(result.data.filename, result.data.csv);
      toast.success(result.data.truncated ? t("exportedTruncated", { count: result.data.count }) : t("exported", { count: result.data.count }));
    });

  return (
    <Button onClick={run} disabled={pending} aria-busy={pending || undefined}>
      <Download aria-hidden className="size-4" />
      {t("export")}
    </Button>
  );
}

/** Imports a CSV file, all or nothing; every refused row or column is listed. */
export function ImportCsvButton({ view }: { view: ObjectView }) {
  const t = useTranslations("records.csv");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const describeError = useRecordErrors(view);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [pending, startTransition] = useTransition();

  const fileError = errors.find((error) => error.field === "file");
  const problems = errors.filter((error) => error.field !== "file");

  const submit = () =>
    startTransition(async () => {
      if (!file) {
        setErrors([{ code: "VALIDATION_FAILED", field: "file", params: { reason: "FILE_REQUIRED" } }]);
        return;
      }
      if (file.size > MAX_IMPORT_BYTES) {
        setErrors([{ code: "VALIDATION_FAILED", field: "file", params: { reason: "FILE_TOO_LARGE", limit: MAX_IMPORT_BYTES } }]);
        return;
      }
      const form = new FormData();
      form.set("object", view.namePlural);
      form.set("file", file);
      const result = await importCsvAction(form).catch(() => null);
      if (!result) {
        setErrors([{ code: "INTERNAL" }]);
        return;
      }
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setOpen(false);
      toast.success(t("imported", { count: result.data.imported }));
      if (result.data.ignoredColumns.length > 0) toast.info(t("ignored", { columns: format.list(result.data.ignoredColumns) }));
      await queryClient.invalidateQueries({ queryKey: ["records", view.namePlural] });
    });

  const locate = (error: ActionError) => {
    const params = error.params ?? {};
    if (params.row !== undefined) return t("row", { row: Number(params.row) });
    if (typeof params.column === "string") return t("column", { column: params.column });
    return null;
  };

  return (
    <>
      <Button
        onClick={() => {
          setFile(null);
          setErrors([]);
          setOpen(true);
        }}
      >
        <Upload aria-hidden className="size-4" />
        {t("import")}
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title={t("importTitle", { object: view.labelPlural })}
        description={t("importHelp", { rows: MAX_IMPORT_ROWS })}
        submitLabel={pending ? t("importing") : t("submit")}
        pending={pending}
        onSubmit={submit}
        validate
        className="space-y-3"
      >
        <FormField id={`${id}-file`} label={t("file")} error={fileError ? describeError(fileError) : null}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setErrors([]);
              }}
              className="mt-1 block w-full text-sm text-gray-700 file:mr-3 file:rounded-md file:border file:border-gray-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-gray-800 hover:file:bg-gray-50"
            />
          )}
        </FormField>
        {problems.length > 0 ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3">
            <p className="text-sm font-medium text-red-800">{t("rejected")}</p>
            <ul className="mt-2 max-h-60 space-y-1 overflow-y-auto text-sm text-red-800">
              {problems.map((error, index) => {
                const where = locate(error);
                return (
                  <li key={index}>
                    {where ? <span className="font-medium">{where} · </span> : null}
                    {describeError(error, { empty: error.params?.reason === "REQUIRED" })}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </FormDialog>
    </>
  );
}
