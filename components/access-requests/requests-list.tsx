"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ApprovableRequest } from "@/lib/access-requests/requests";
import type { NeededGrant } from "@/lib/errors";
import { approveAccessRequestAction, denyAccessRequestAction } from "@/app/settings/roles/requests/actions";
import { usePermissionName } from "@/components/permissions/use-permission-name";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextAreaField } from "@/components/ui/form-field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useNeededName } from "./needed-name";

export interface RequestRow extends Omit<ApprovableRequest, "permission"> {
  permission: NeededGrant;
}

interface ObjectLabels {
  name: string;
  labelPlural: string;
  fields: readonly { name: string; label: string }[];
}

/** `Settings` → `Roles` → `Requests` (docs/reference.md §18): who asks, why, for how long, the impact; Approve or Deny. */
export function RequestsList({ requests, objects }: { requests: readonly RequestRow[]; objects: readonly ObjectLabels[] }) {
  const t = useTranslations("accessRequests");
  if (requests.length === 0) return <p className="mt-6 text-sm text-gray-600">{t("empty")}</p>;
  return (
    <ul className="mt-6 space-y-4">
      {requests.map((request) => (
        <RequestItem key={request.id} request={request} objects={objects} />
      ))}
    </ul>
  );
}

function RequestItem({ request, objects }: { request: RequestRow; objects: readonly ObjectLabels[] }) {
  const t = useTranslations("accessRequests");
  const format = useFormatter();
  const router = useRouter();
  const describeError = useErrorMessage();
  const permissionName = usePermissionName(objects);
  const { name } = useNeededName();
  const id = useId();
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const title = `${request.requester.label}: ${name(request.permission)}`;
  const period = request.until
    ? t("untilValue", { date: format.dateTime(new Date(request.until), { dateStyle: "medium", timeStyle: "short" }) })
    : t("periodValue", { period: request.periodSeconds === 3_600 ? "1h" : request.periodSeconds === 86_400 ? "1d" : request.periodSeconds === 604_800 ? "1w" : `${Math.round((request.periodSeconds ?? 0) / 3_600)} h` });

  const approve = () =>
    start(async () => {
      const result = await approveAccessRequestAction({ requestId: request.id }).catch(() => null);
      if (!result || !result.ok) {
        toast.error(describeError(result?.errors[0] ?? { code: "INTERNAL" }));
        return;
      }
      toast.success(t("approvedNotice"));
      router.refresh();
    });

  const deny = () =>
    start(async () => {
      setReasonError(null);
      const result = await denyAccessRequestAction({ requestId: request.id, reason }).catch(() => null);
      if (!result || !result.ok) {
        const error = result?.errors[0] ?? { code: "INTERNAL" as const };
        if (error.field === "reason") setReasonError(describeError(error));
        else toast.error(describeError(error));
        return;
      }
      toast.success(t("deniedNotice"));
      setDenying(false);
      router.refresh();
    });

  return (
    <li aria-labelledby={`${id}-title`} className="rounded-lg border border-gray-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-sm font-semibold text-gray-900">{title}</h2>
      <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-gray-500">{t("who")}</dt>
        <dd className="text-gray-900">{request.requester.label}</dd>
        <dt className="text-gray-500">{t("why")}</dt>
        <dd className="text-gray-900">{request.reason}</dd>
        <dt className="text-gray-500">{t("howLong")}</dt>
        <dd className="text-gray-900">{period}</dd>
        <dt className="text-gray-500">{t("impact")}</dt>
        <dd>
          <ul aria-label={t("impact")} className="space-y-0.5 text-gray-900">
            {request.gains.map((gain) => (
              <li key={JSON.stringify(gain)}>{t("gains", { permission: permissionName(gain) })}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <div className="mt-4 flex justify-end gap-2">
        <Button aria-label={`${t("deny")}: ${title}`} onClick={() => setDenying(true)} disabled={pending}>
          {t("deny")}
        </Button>
        <Button variant="primary" aria-label={`${t("approve")}: ${title}`} onClick={approve} disabled={pending}>
          {t("approve")}
        </Button>
      </div>
      <FormDialog open={denying} onOpenChange={setDenying} title={t("denyTitle")} description={title} submitLabel={t("deny")} pending={pending} onSubmit={deny}>
        <TextAreaField id={`${id}-deny-reason`} label={t("denyReason")} required rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} error={reasonError} />
      </FormDialog>
    </li>
  );
}
