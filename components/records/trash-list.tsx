"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ArrowLeft, RotateCcw } from "lucide-react";
import { destroyRecordAction, listRecordsAction, restoreRecordAction } from "@/app/(workspace)/objects/actions";
import { Button } from "@/components/ui/button";
import { RetryAlert } from "@/components/ui/retry-alert";
import { Modal } from "@/components/ui/modal";
import { errorsOf, unwrap } from "./action-result";
import { FieldValue } from "./field-value";
import { PAGE_SIZE } from "./constants";
import { recordsKey } from "./record-list";
import { useRecordErrors } from "./use-record-errors";
import type { FieldView, ObjectView, RecordValues } from "./types";

const DELETED_AT: FieldView = { name: "deletedAt", label: "", type: "DATE_TIME", isLabel: false, isSystem: true, editable: false, creatable: false };

/** The trash of one object: restore (roles that may delete) and permanent deletion (roles that may destroy). */
export function TrashList({ view }: { view: ObjectView }) {
  const t = useTranslations("records.trash");
  const tl = useTranslations("records.list");
  const tc = useTranslations("common");
  const queryClient = useQueryClient();
  const describeError = useRecordErrors(view);
  const [confirm, setConfirm] = useState<{ id: string; label: string } | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const list = useInfiniteQuery({
    queryKey: [...recordsKey(view.namePlural), "trash"],
    queryFn: async ({ pageParam }) =>
      unwrap(await listRecordsAction({ object: view.namePlural, trash: true, cursor: pageParam, limit: PAGE_SIZE, orderBy: { field: "updatedAt", direction: "desc" } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
    placeholderData: keepPreviousData,
  });
  const records = (list.data?.pages ?? []).flatMap((page) => page.records);
  const labelOf = (record: RecordValues) => {
    const value = view.labelField ? record[view.labelField] : null;
    return typeof value === "string" && value !== "" ? value : tl("untitled");
  };

  const act = (kind: "restore" | "destroy", id: string, label: string) =>
    startTransition(async () => {
      const result = await (kind === "restore" ? restoreRecordAction : destroyRecordAction)({ object: view.namePlural, id }).catch(() => null);
      if (!result || !result.ok) {
        const message = describeError(result?.errors[0] ?? { code: "INTERNAL" });
        if (kind === "destroy") setDialogError(message);
        else toast.error(message);
        return;
      }
      setConfirm(null);
      toast.success(kind === "restore" ? t("restored", { label }) : t("destroyed", { label }));
      await queryClient.invalidateQueries({ queryKey: recordsKey(view.namePlural) });
    });

  const showActions = view.can.delete || view.can.destroy;

  return (
    <div className="space-y-4">
      <div>
        <Link href={`/objects/${view.namePlural}`} className="inline-flex items-center gap-1 text-sm text-gray-600 hover:text-gray-900">
          <ArrowLeft aria-hidden className="size-4" />
          {t("back", { object: view.labelPlural })}
        </Link>
        <h1 className="mt-2 text-xl font-semibold text-gray-900">{t("title", { object: view.labelPlural })}</h1>
        <p className="mt-1 text-sm text-gray-600">{view.can.delete ? t("subtitle") : t("subtitleReadOnly")}</p>
      </div>

      {list.isError ? <RetryAlert message={describeError(errorsOf(list.error)[0])} retryLabel={tl("retry")} onRetry={() => void list.refetch()} /> : null}

      <div className="overflow-x-auto rounded-lg border border-gray-200">
        <table className="w-full border-collapse text-sm" aria-busy={list.isFetching || undefined}>
          <caption className="sr-only">{t("title", { object: view.labelPlural })}</caption>
          <thead className="bg-gray-50">
            <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
              <th scope="col" className="px-3 py-2 font-medium">{t("name")}</th>
              <th scope="col" className="w-56 px-3 py-2 font-medium">{t("deletedAt")}</th>
              {showActions ? <th scope="col" className="w-72 px-3 py-2 text-right font-medium">{t("actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.isPending
              ? Array.from({ length: 4 }, (_, index) => (
                  <tr key={index} className="h-11 border-b border-gray-100">
                    <td className="px-3" colSpan={showActions ? 3 : 2}>
                      <span className="block h-3 w-40 animate-pulse rounded bg-gray-100" />
                    </td>
                  </tr>
                ))
              : records.map((record) => {
                  const id = String(record.id);
                  const label = labelOf(record);
                  return (
                    <tr key={id} className="h-11 border-b border-gray-100">
                      <td className="px-3 py-2">
                        <Link href={`/objects/${view.namePlural}/${encodeURIComponent(id)}`} className="font-medium text-gray-900 hover:text-brand-700 hover:underline">
                          {label}
                        </Link>
                      </td>
                      <td className="px-3 py-2 text-gray-700"><FieldValue field={DELETED_AT} value={record.deletedAt} /></td>
                      {showActions ? (
                        <td className="px-3 py-2">
                          <div className="flex justify-end gap-2">
                            {view.can.delete ? (
                              <Button aria-label={t("restoreNamed", { label })} onClick={() => act("restore", id, label)} disabled={pending}>
                                <RotateCcw aria-hidden className="size-4" />
                                {t("restore")}
                              </Button>
                            ) : null}
                            {view.can.destroy ? (
                              <Button
                                variant="danger"
                                aria-label={t("destroyNamed", { label })}
                                onClick={() => {
                                  setDialogError(null);
                                  setConfirm({ id, label });
                                }}
                              >
                                {t("destroy")}
                              </Button>
                            ) : null}
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
          </tbody>
        </table>
        {!list.isPending && !list.isError && records.length === 0 ? <p className="px-3 py-10 text-center text-sm text-gray-500">{t("empty")}</p> : null}
      </div>
      {list.hasNextPage ? (
        <div className="flex justify-end">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? tl("loading") : tl("loadMore")}
          </Button>
        </div>
      ) : null}

      <Modal
        open={confirm !== null}
        onOpenChange={(open) => (open ? null : setConfirm(null))}
        title={t("destroyTitle")}
        description={confirm ? t("destroyBody", { label: confirm.label }) : undefined}
       
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>{tc("cancel")}</Button>
            <Button variant="danger" disabled={pending} onClick={() => confirm && act("destroy", confirm.id, confirm.label)}>
              {tc("confirm")}
            </Button>
          </>
        }
      >
        {dialogError ? <p role="alert" className="text-sm text-red-700">{dialogError}</p> : null}
      </Modal>
    </div>
  );
}
