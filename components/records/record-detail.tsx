"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ArrowLeft, LockKeyhole, RotateCcw, Trash2 } from "lucide-react";
import type { ActionError } from "@/lib/errors";
import { destroyRecordAction, restoreRecordAction, softDeleteRecordAction, updateRecordAction } from "@/app/(workspace)/objects/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { EditableField } from "./editable-field";
import { FieldValue } from "./field-value";
import { SendEmailButton } from "./send-email";
import { useRecordErrors } from "./use-record-errors";
import { draftOf, patchOf, type Draft } from "./values";
import type { FieldView, ObjectView, RecordValues, RelationLabels } from "./types";

/**
 * One record: editable fields are inputs, read-only ones are plain text marked "Read-only" (with
 * the reason for assistive technology), system fields sit apart. Saving sends only the changed
 * fields; the server checks each of them again.
 */
export function RecordDetail({ view, record: initialRecord, labels }: { view: ObjectView; record: RecordValues; labels: RelationLabels }) {
  const t = useTranslations("records.record");
  const router = useRouter();
  const queryClient = useQueryClient();
  const describeError = useRecordErrors(view);
  const idPrefix = useId();
  const [record, setRecord] = useState(initialRecord);
  const inTrash = typeof record.deletedAt === "string";
  const ownFields = view.fields.filter((field) => !field.isSystem);
  const systemFields = view.fields.filter((field) => field.isSystem);
  const writableFields = ownFields.filter((field) => field.editable);
  // A record in the trash is read-only until restored (lib/records refuses updates to it).
  const editableFields = inTrash ? [] : writableFields;
  const [baseline, setBaseline] = useState<Draft>(() => draftOf(writableFields, record));
  const [draft, setDraft] = useState<Draft>(baseline);
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [saving, startSave] = useTransition();
  const patch = patchOf(editableFields, baseline, draft);
  const dirty = Object.keys(patch).length > 0;
  const labelValue = view.labelField ? record[view.labelField] : null;
  const title = typeof labelValue === "string" && labelValue !== "" ? labelValue : t("untitled");

  const fieldError = (name: string) => {
    const error = errors.find((candidate) => candidate.field === name);
    return error ? describeError(error, { empty: (draft[name] ?? "").trim() === "" }) : null;
  };

  const invalidate = () => queryClient.invalidateQueries({ queryKey: ["records", view.namePlural] });

  const save = () =>
    startSave(async () => {
      setErrors([]);
      const result = await updateRecordAction({ object: view.namePlural, id: String(record.id), patch }).catch(() => null);
      if (!result || !result.ok) {
        const failures = result?.errors ?? [{ code: "INTERNAL" as const }];
        setErrors(failures);
        const general = failures.find((error) => !error.field || !editableFields.some((field) => field.name === error.field));
        toast.error(general ? describeError(general) : t("saveFailed"));
        return;
      }
      setRecord(result.data);
      const next = draftOf(writableFields, result.data);
      setBaseline(next);
      setDraft(next);
      toast.success(t("saved"));
      await invalidate();
      router.refresh();
    });

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link href={inTrash ? `/objects/${view.namePlural}/trash` : `/objects/${view.namePlural}`} className="inline-flex items-center gap-1 text-sm text-gray-600 hover:text-gray-900">
          <ArrowLeft aria-hidden className="size-4" />
          {inTrash ? t("backToTrash", { object: view.labelPlural }) : t("back", { object: view.labelPlural })}
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-xs font-medium tracking-wide text-gray-500 uppercase">{view.labelSingular}</p>
            <h1 className="text-xl font-semibold text-gray-900">{title}</h1>
          </div>
          <RecordActions view={view} record={record} title={title} onChanged={(next) => setRecord(next)} invalidate={invalidate} />
        </div>
      </div>

      {inTrash ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.can.delete ? t("inTrash") : t("inTrashNoRestore")}
        </p>
      ) : null}

      <form
        noValidate
        aria-labelledby={`${idPrefix}-fields`}
        onSubmit={(event) => {
          event.preventDefault();
          if (dirty) save();
        }}
        className="rounded-lg border border-gray-200 bg-white"
      >
        <h2 id={`${idPrefix}-fields`} className="border-b border-gray-100 px-4 py-3 text-sm font-semibold text-gray-900">{t("fields")}</h2>
        <div className="divide-y divide-gray-100">
          {ownFields.map((field) =>
            editableFields.includes(field) ? (
              <div key={field.name} className="px-4 py-3">
                <EditableField
                  object={view.namePlural}
                  field={field}
                  idPrefix={idPrefix}
                  value={draft[field.name] ?? ""}
                  onChange={(value) => setDraft((current) => ({ ...current, [field.name]: value }))}
                  labels={labels}
                  error={fieldError(field.name)}
                  disabled={saving}
                />
              </div>
            ) : (
              <ReadOnlyField key={field.name} field={field} value={record[field.name]} labels={labels} idPrefix={idPrefix} showBadge={!inTrash} />
            ),
          )}
        </div>
        {editableFields.length > 0 ? (
          <div className="flex items-center justify-end gap-2 border-t border-gray-100 px-4 py-3">
            {dirty ? <p className="mr-auto text-xs text-gray-500">{t("unsaved")}</p> : null}
            <Button
              disabled={!dirty || saving}
              onClick={() => {
                setDraft(baseline);
                setErrors([]);
              }}
            >
              {t("discard")}
            </Button>
            <Button type="submit" variant="primary" disabled={!dirty || saving}>
              {saving ? t("saving") : t("save")}
            </Button>
          </div>
        ) : null}
      </form>

      <section aria-labelledby={`${idPrefix}-details`} className="rounded-lg border border-gray-200 bg-white">
        <h2 id={`${idPrefix}-details`} className="border-b border-gray-100 px-4 py-3 text-sm font-semibold text-gray-900">{t("details")}</h2>
        <dl className="divide-y divide-gray-100">
          {systemFields.map((field) => (
            <div key={field.name} className="grid grid-cols-3 gap-4 px-4 py-2.5 text-sm">
              <dt className="text-gray-600">{field.label}</dt>
              <dd className="col-span-2 text-gray-900"><FieldValue field={field} value={record[field.name]} /></dd>
            </div>
          ))}
          {inTrash ? (
            <div className="grid grid-cols-3 gap-4 px-4 py-2.5 text-sm">
              <dt className="text-gray-600">{t("deletedAt")}</dt>
              <dd className="col-span-2 text-gray-900">
                <FieldValue field={{ name: "deletedAt", label: t("deletedAt"), type: "DATE_TIME", isLabel: false, isSystem: true, editable: false, creatable: false }} value={record.deletedAt} />
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
    </div>
  );
}

/** A field the role can see but not change: its value, visibly and audibly read-only. */
function ReadOnlyField({ field, value, labels, idPrefix, showBadge }: { field: FieldView; value: unknown; labels: RelationLabels; idPrefix: string; showBadge: boolean }) {
  const t = useTranslations("records.record");
  const labelId = `${idPrefix}-${field.name}-label`;
  const hintId = `${idPrefix}-${field.name}-hint`;
  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={showBadge ? hintId : undefined} className="px-4 py-3">
      <div className="flex items-center gap-2">
        <span id={labelId} className="text-sm font-medium text-gray-800">{field.label}</span>
        {showBadge ? (
          <span className="inline-flex items-center gap-1 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600" title={t("readOnlyHint")}>
            <LockKeyhole aria-hidden className="size-3" />
            {t("readOnly")}
            <span id={hintId} className="sr-only">{t("readOnlyHint")}</span>
          </span>
        ) : null}
      </div>
      <div className="mt-1 min-h-8 rounded-md bg-gray-50 px-2.5 py-1.5 text-sm text-gray-900">
        <FieldValue field={field} value={value} labels={labels} multiline />
      </div>
    </div>
  );
}

function RecordActions({
  view,
  record,
  title,
  onChanged,
  invalidate,
}: {
  view: ObjectView;
  record: RecordValues;
  title: string;
  onChanged: (record: RecordValues) => void;
  invalidate: () => Promise<void>;
}) {
  const t = useTranslations("records.record");
  const tc = useTranslations("common");
  const router = useRouter();
  const describeError = useRecordErrors(view);
  const [confirm, setConfirm] = useState<"delete" | "destroy" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inTrash = typeof record.deletedAt === "string";
  const ref = { object: view.namePlural, id: String(record.id) };
  const emailField = view.fields.find((field) => field.type === "EMAIL" && typeof record[field.name] === "string" && record[field.name] !== "");

  const act = (kind: "delete" | "restore" | "destroy") =>
    startTransition(async () => {
      setError(null);
      const action = kind === "delete" ? softDeleteRecordAction : kind === "restore" ? restoreRecordAction : destroyRecordAction;
      const result = await action(ref).catch(() => null);
      if (!result || !result.ok) {
        const message = describeError(result?.errors[0] ?? { code: "INTERNAL" });
        if (confirm) setError(message);
        else toast.error(message);
        return;
      }
      setConfirm(null);
      await invalidate();
      if (kind === "restore") {
        toast.success(t("restored", { label: title }));
        onChanged({ ...record, deletedAt: null });
        router.refresh();
      } else {
        toast.success(kind === "delete" ? t("deleted", { label: title }) : t("destroyed", { label: title }));
        router.push(kind === "delete" ? `/objects/${view.namePlural}` : `/objects/${view.namePlural}/trash`);
      }
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {view.can.sendEmail && !inTrash && emailField ? <SendEmailButton view={view} recordId={String(record.id)} to={String(record[emailField.name])} recordLabel={title} /> : null}
      {view.can.delete && !inTrash ? (
        <Button onClick={() => { setError(null); setConfirm("delete"); }}>
          <Trash2 aria-hidden className="size-4" />
          {t("delete")}
        </Button>
      ) : null}
      {view.can.delete && inTrash ? (
        <Button onClick={() => act("restore")} disabled={pending}>
          <RotateCcw aria-hidden className="size-4" />
          {t("restore")}
        </Button>
      ) : null}
      {view.can.destroy ? (
        <Button variant="danger" onClick={() => { setError(null); setConfirm("destroy"); }}>
          {t("destroy")}
        </Button>
      ) : null}
      <Modal
        open={confirm !== null}
        onOpenChange={(open) => setConfirm(open ? confirm : null)}
        title={confirm === "destroy" ? t("destroyTitle") : t("deleteTitle")}
        description={confirm === "destroy" ? t("destroyBody", { label: title }) : t("deleteBody", { label: title, object: view.labelPlural })}
       
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>{tc("cancel")}</Button>
            <Button variant="danger" disabled={pending} onClick={() => confirm && act(confirm)}>
              {tc("confirm")}
            </Button>
          </>
        }
      >
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      </Modal>
    </div>
  );
}
