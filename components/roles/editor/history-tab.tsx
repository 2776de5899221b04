"use client";

import { useMemo, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { diffPermissions, resolvePermissions, type WorkspaceSchema } from "@/lib/permissions";
import { draftToDefinition } from "@/lib/roles/draft";
import type { RoleVersionView } from "@/lib/roles/history";
import { restoreRoleVersionAction } from "@/app/settings/roles/actions";
import { usePermissionName } from "@/components/permissions/use-permission-name";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import type { EditorObject, EditorRole } from "./types";

interface HistoryTabProps {
  role: EditorRole;
  history: RoleVersionView[];
  objects: EditorObject[];
  schema: WorkspaceSchema;
  /** Unsaved changes would be lost by a restore: it waits for Save or Cancel. */
  dirty: boolean;
}

/**
 * SPEC §14 History: every saved version, newest first, each with what changed since the one
 * before it (the engine's diff, as in the impact of unsaved changes); any older version can be
 * restored, which saves it as a new version through the normal save.
 */
export function HistoryTab({ role, history, objects, schema, dirty }: HistoryTabProps) {
  const t = useTranslations("roles.history");
  const ti = useTranslations("roles.impact");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const permissionName = usePermissionName(objects);
  const [restoring, startRestore] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const entries = useMemo(
    () =>
      history.map((entry, index) => {
        const previous = history[index + 1];
        const resolve = (draft: RoleVersionView["draft"]) => resolvePermissions(draftToDefinition(draft), schema);
        return { entry, previous, diff: previous ? diffPermissions(resolve(previous.draft), resolve(entry.draft)) : null };
      }),
    [history, schema],
  );

  const restore = (entry: RoleVersionView) =>
    startRestore(async () => {
      setError(null);
      const result = await restoreRoleVersionAction({ roleId: role.id, versionId: entry.id, version: role.version });
      if (!result.ok) {
        setError(errorMessage(result.errors[0]));
        return;
      }
      toast.success(t("restored", { version: entry.version }));
      // The editor holds the saved role in memory: load it afresh, on this tab.
      window.location.assign(`/settings/roles/${role.id}?tab=history`);
    });

  return (
    <section aria-labelledby="history-title" className="space-y-4">
      <div>
        <h2 id="history-title" className="text-base font-semibold text-gray-900">{t("title")}</h2>
        <p className="text-sm text-gray-600">{t("intro")}</p>
      </div>
      {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
      {entries.length === 0 ? <p className="rounded-lg border border-gray-200 bg-white p-4 text-sm text-gray-600">{t("empty")}</p> : null}
      <ol className="space-y-3">
        {entries.map(({ entry, previous, diff }, index) => {
          const isCurrent = index === 0;
          const restoreButton = (
            <Button
              aria-disabled={dirty ? true : undefined}
              aria-description={dirty ? t("unsavedFirst") : undefined}
              className={dirty ? "cursor-not-allowed opacity-60" : undefined}
              disabled={restoring}
              onClick={() => !dirty && restore(entry)}
            >
              {t("restore")}
            </Button>
          );
          return (
            <li key={entry.id} aria-labelledby={`version-${entry.id}`} className="rounded-lg border border-gray-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 id={`version-${entry.id}`} className="text-sm font-semibold text-gray-900">
                    {t("version", { version: entry.version })}
                    {isCurrent ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-normal text-brand-700">{t("current")}</span> : null}
                  </h3>
                  <p className="text-xs text-gray-500">
                    {t("by", { change: t(`changes.${entry.change}`), actor: entry.actorLabel, date: format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
                  </p>
                </div>
                {isCurrent || role.isAdmin || entry.change === "deleted" ? null : dirty ? <Tooltip content={t("unsavedFirst")}>{restoreButton}</Tooltip> : restoreButton}
              </div>
              {previous ? (
                <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-gray-800">
                  {previous.draft.name !== entry.draft.name ? <li>{t("nameChange", { from: previous.draft.name, to: entry.draft.name })}</li> : null}
                  {previous.draft.description !== entry.draft.description ? <li>{t("descriptionChange")}</li> : null}
                  {diff?.losses.map((item, i) => <li key={`l${i}`}>{ti("loses", { permission: permissionName(item) })}</li>)}
                  {diff?.gains.map((item, i) => <li key={`g${i}`}>{ti("gains", { permission: permissionName(item) })}</li>)}
                  {diff && diff.gains.length + diff.losses.length === 0 ? <li className="list-none text-gray-500">{t("noChange")}</li> : null}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
