"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { shareRecordAction, unshareRecordAction } from "@/app/(workspace)/objects/share-actions";
import type { RecordShareView } from "@/lib/records/shares";
import type { RecordPath } from "@/lib/permissions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { FormErrors, FormFooter, SelectField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { useErrorMessage } from "@/components/ui/use-error-message";

interface Target {
  kind: "member" | "team";
  id: string;
  name: string;
}

/**
 * The shares of one record (docs/reference.md §19): listed for whoever reaches the record; `Share` and
 * `Remove` for whoever may share it (the server decides again, and refuses beyond the sharer's
 * own permissions).
 */
export function RecordShares({
  object,
  recordId,
  shares,
  targets,
  canShare,
  paths,
}: {
  object: string;
  recordId: string;
  shares: RecordShareView[];
  targets: Target[];
  canShare: boolean;
  paths: RecordPath[];
}) {
  const t = useTranslations("records.shares");
  const tp = useTranslations("records.paths");
  // docs/reference.md §19: why this record is reached, in the reader's language.
  const pathText = (path: RecordPath) => {
    switch (path.kind) {
      case "me":
        return tp("me", { field: path.field ?? "" });
      case "myTeams":
        return tp("myTeams", { field: path.field ?? "", team: path.team ?? "" });
      case "myReports":
        return tp("myReports", { field: path.field ?? "" });
      case "shared":
        return path.team ? tp("sharedTeam", { name: path.sharedBy ?? tp("apiKey"), team: path.team }) : tp("shared", { name: path.sharedBy ?? tp("apiKey") });
      case "all":
        return tp("all");
      default:
        return tp("rule");
    }
  };
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [removing, startRemove] = useTransition();
  const remove = (share: RecordShareView) =>
    startRemove(async () => {
      const result = await unshareRecordAction({ object, id: recordId, shareId: share.id });
      if (!result.ok) {
        toast.error(errorMessage(result.errors[0] ?? { code: "INTERNAL" }));
        return;
      }
      toast.success(t("removed", { name: share.targetName }));
      router.refresh();
    });

  return (
    <section aria-labelledby="record-shares" className="mt-8 rounded-lg border border-gray-200 bg-white">
      <header className="flex items-center justify-between border-b border-gray-100 px-4 py-3">
        <h2 id="record-shares" className="text-sm font-semibold text-gray-900">
          {t("heading")}
        </h2>
        {canShare ? (
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t("share")}
          </Button>
        ) : null}
      </header>
      {paths.length > 0 && paths[0].kind !== "all" ? (
        <div className="border-b border-gray-100 px-4 py-3 text-sm">
          <h3 className="text-xs font-semibold text-gray-700">{tp("heading")}</h3>
          <ul aria-label={tp("heading")} className="mt-1 list-disc pl-5 text-gray-700">
            {[...new Set(paths.map(pathText))].map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {shares.length === 0 ? (
        <p className="px-4 py-3 text-sm text-gray-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-gray-100">
          {shares.map((share) => (
            <li key={share.id} className="flex items-center justify-between px-4 py-2 text-sm">
              <span>
                <span className="font-medium text-gray-900">{share.targetName}</span>{" "}
                <span className="text-gray-600">
                  {share.targetKind === "team" ? t("team") : t("member")} · {share.access === "edit" ? t("canEdit") : t("canView")}
                  {share.sharedBy ? ` · ${t("sharedBy", { name: share.sharedBy })}` : ""}
                </span>
              </span>
              {canShare ? (
                <Button variant="ghost" aria-label={t("removeNamed", { name: share.targetName })} disabled={removing} onClick={() => remove(share)}>
                  {t("remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {open ? <ShareDialog object={object} recordId={recordId} targets={targets} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function ShareDialog({ object, recordId, targets, onClose }: { object: string; recordId: string; targets: Target[]; onClose: () => void }) {
  const t = useTranslations("records.shares");
  const router = useRouter();
  const [target, setTarget] = useState(targets[0] ? `${targets[0].kind}:${targets[0].id}` : "");
  const [access, setAccess] = useState<"view" | "edit">("view");
  const errorMessage = useErrorMessage();
  const { errors, pending, run } = useAction(shareRecordAction, {
    failureToast: t("failed"),
    onSuccess: (share) => {
      toast.success(t("shared", { name: share.targetName }));
      onClose();
      router.refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = target.split(":");
    run({ object, id: recordId, targetKind: kind, targetId: id, access });
  };
  const fieldError = (field: string) => {
    const error = errors.find((candidate) => candidate.field === field);
    return error ? errorMessage(error) : null;
  };
  const general = errors.filter((error) => error.field !== "access" && error.field !== "targetId").map((error) => errorMessage(error));

  return (
    <Modal open onOpenChange={(next) => !next && onClose()} title={t("title")} description={t("help")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormErrors messages={general} />
        <SelectField id="share-target" label={t("with")} value={target} error={fieldError("targetId")} onChange={(event) => setTarget(event.target.value)}>
          <optgroup label={t("members")}>
            {targets
              .filter((candidate) => candidate.kind === "member")
              .map((candidate) => (
                <option key={candidate.id} value={`member:${candidate.id}`}>
                  {candidate.name}
                </option>
              ))}
          </optgroup>
          <optgroup label={t("teams")}>
            {targets
              .filter((candidate) => candidate.kind === "team")
              .map((candidate) => (
                <option key={candidate.id} value={`team:${candidate.id}`}>
                  {candidate.name}
                </option>
              ))}
          </optgroup>
        </SelectField>
        <SelectField id="share-access" label={t("access")} value={access} error={fieldError("access")} onChange={(event) => setAccess(event.target.value as "view" | "edit")}>
          <option value="view">{t("canView")}</option>
          <option value="edit">{t("canEdit")}</option>
        </SelectField>
        <FormFooter onCancel={onClose} submitLabel={t("submit")} pending={pending} />
      </form>
    </Modal>
  );
}
