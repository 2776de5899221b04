"use client";

import { useId, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ProposalView } from "@/lib/access-requests/proposals";
import { applyProposalAction, denyProposalAction } from "@/app/settings/roles/requests/actions";
import { usePermissionName } from "@/components/permissions/use-permission-name";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/ui/use-error-message";

interface ObjectLabels {
  name: string;
  labelPlural: string;
  fields: readonly { name: string; label: string }[];
}

/** docs/reference.md §18 four eyes: proposed role changes with their diff and reach; another member approves or denies. */
export function ProposalsList({ proposals, objects }: { proposals: readonly ProposalView[]; objects: readonly ObjectLabels[] }) {
  const t = useTranslations("accessRequests");
  if (proposals.length === 0) return null;
  return (
    <section aria-labelledby="role-proposals" className="mt-8">
      <h2 id="role-proposals" className="text-base font-semibold text-gray-900">{t("proposalsTitle")}</h2>
      <ul className="mt-3 space-y-4">
        {proposals.map((proposal) => (
          <ProposalItem key={proposal.id} proposal={proposal} objects={objects} />
        ))}
      </ul>
    </section>
  );
}

function ProposalItem({ proposal, objects }: { proposal: ProposalView; objects: readonly ObjectLabels[] }) {
  const t = useTranslations("accessRequests");
  const router = useRouter();
  const describeError = useErrorMessage();
  const permissionName = usePermissionName(objects);
  const id = useId();
  const [pending, start] = useTransition();
  const decide = (approve: boolean) =>
    start(async () => {
      const result = await (approve ? applyProposalAction : denyProposalAction)({ requestId: proposal.id }).catch(() => null);
      if (!result || !result.ok) {
        toast.error(describeError(result?.errors[0] ?? { code: "INTERNAL" }));
        return;
      }
      toast.success(approve ? t("approvedNotice") : t("deniedNotice"));
      router.refresh();
    });
  return (
    <li aria-labelledby={`${id}-title`} className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
      <h3 id={`${id}-title`} className="font-semibold text-gray-900">{proposal.roleName}</h3>
      <p className="mt-1 text-gray-600">{t("proposedBy", { name: proposal.proposer })} · {t("holders", { count: proposal.holders })}</p>
      {proposal.stale ? <p className="mt-2 text-amber-800">{t("stale")}</p> : null}
      <ul aria-label={t("impact")} className="mt-2 space-y-0.5 text-gray-900">
        {proposal.gains.map((gain) => (
          <li key={`g${JSON.stringify(gain)}`}>{t("gains", { permission: permissionName(gain) })}</li>
        ))}
        {proposal.losses.map((loss) => (
          <li key={`l${JSON.stringify(loss)}`}>{t("loses", { permission: permissionName(loss) })}</li>
        ))}
      </ul>
      <div className="mt-4 flex justify-end gap-2">
        <Button aria-label={`${t("deny")}: ${proposal.roleName}`} onClick={() => decide(false)} disabled={pending}>
          {t("deny")}
        </Button>
        <Button variant="primary" aria-label={`${t("approve")}: ${proposal.roleName}`} onClick={() => decide(true)} disabled={pending}>
          {t("approve")}
        </Button>
      </div>
    </li>
  );
}
