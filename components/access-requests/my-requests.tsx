"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AccessRequestView } from "@/lib/access-requests/requests";
import type { NeededGrant } from "@/lib/errors";
import { useNeededName } from "./needed-name";

export interface OwnRequest extends Omit<AccessRequestView, "permission"> {
  permission: NeededGrant;
}

/** The member's own requests and their outcome (docs/reference.md §18: the requester sees it on My role). */
export function MyRequests({ requests }: { requests: readonly OwnRequest[] }) {
  const t = useTranslations("accessRequests");
  const format = useFormatter();
  const { name } = useNeededName();
  return (
    <section aria-labelledby="my-access-requests" className="mt-8">
      <h2 id="my-access-requests" className="text-base font-semibold text-gray-900">{t("mine")}</h2>
      {requests.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600">{t("mineEmpty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
          {requests.map((request) => (
            <li key={request.id} className="px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium text-gray-900">{name(request.permission)}</span>
                <span className="rounded bg-gray-100 px-2 py-0.5 text-xs text-gray-700">{t("status", { status: request.status })}</span>
              </div>
              <p className="mt-1 text-gray-600">{request.reason}</p>
              {request.status === "approved" && request.expiresAt ? <p className="mt-1 text-gray-600">{t("untilValue", { date: format.dateTime(new Date(request.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</p> : null}
              {request.status === "denied" && request.decisionReason ? <p className="mt-1 text-gray-600">{request.decisionReason}</p> : null}
              {request.decidedBy ? <p className="mt-1 text-xs text-gray-500">{t("decidedBy", { name: request.decidedBy })}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
