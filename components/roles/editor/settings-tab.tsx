"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { clsx } from "clsx";
import { ASSIGNABLE_SWITCHES, PRINCIPAL_KINDS, type PrincipalKind } from "@/lib/permissions";
import type { RoleDraft } from "@/lib/roles/draft";
import { ROLE_ICON_KEYS } from "@/lib/roles/icons";
import { deleteRoleAction } from "@/app/settings/roles/actions";
import { RoleIcon } from "@/components/roles/role-icon";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { TextAreaField, TextField } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import type { EditorRole, FieldErrors } from "./types";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** The label of each "Assignable to" switch; a new kind of principal must name one here. */
const ASSIGNABLE_LABELS = {
  member: "assignableMembers",
  apiKey: "assignableApiKeys",
  agent: "assignableAgents",
} as const satisfies Record<PrincipalKind, string>;

interface SettingsTabProps {
  role: EditorRole | null;
  kind: "role" | "set";
  draft: RoleDraft;
  update: (edit: (draft: RoleDraft) => RoleDraft) => void;
  errorFor: FieldErrors;
  readOnly: boolean;
  defaultRoleName: string;
  /** Lets the editor drop its unsaved-changes guard before leaving a deleted role. */
  onDeleted: () => void;
}

export function SettingsTab({ role, kind, draft, update, errorFor, readOnly, defaultRoleName, onDeleted }: SettingsTabProps) {
  const t = useTranslations("roles.settingsTab");
  const ts = useTranslations("permissionSets.settingsTab");
  const isSet = kind === "set";
  const errorMessage = useErrorMessage();
  const tc = useTranslations("common");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const nameError = errorFor("name");
  const descriptionError = errorFor("description");

  const deleteBlocked = role?.isAdmin ? t("adminNotDeletable") : role?.isDefault ? t("defaultNotDeletable") : null;

  const confirmDelete = () =>
    startDelete(async () => {
      if (!role) return;
      const result = await deleteRoleAction({ roleId: role.id });
      if (!result.ok) {
        setDeleteError(errorMessage(result.errors[0]));
        return;
      }
      setConfirming(false);
      onDeleted();
      toast.success(
        isSet ? ts("deleted", { name: draft.name }) : t("deleted", {
          name: draft.name,
          members: result.data.movedMembers,
          keys: result.data.movedApiKeys,
          agents: result.data.movedAgents,
          defaultRole: result.data.defaultRoleName,
        }),
      );
      router.push("/settings/roles");
    });

  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-5 rounded-lg border border-gray-200 bg-white p-4">
        <TextField
          id="role-name"
          label={isSet ? ts("name") : t("roleName")}
          error={nameError}
          value={draft.name}
          maxLength={200}
          disabled={readOnly}
          onChange={(event) => update((current) => ({ ...current, name: event.target.value }))}
        />
        <TextAreaField
          id="role-description"
          label={t("description")}
          error={descriptionError}
          value={draft.description}
          rows={3}
          maxLength={500}
          disabled={readOnly}
          onChange={(event) => update((current) => ({ ...current, description: event.target.value }))}
        />
        <fieldset>
          <legend className="text-sm font-medium text-gray-800">{t("icon")}</legend>
          <div role="radiogroup" aria-label={t("icon")} className="mt-2 flex flex-wrap gap-2">
            {ROLE_ICON_KEYS.map((icon) => (
              <button
                key={icon}
                type="button"
                role="radio"
                aria-checked={draft.icon === icon}
                aria-label={icon}
                disabled={readOnly}
                onClick={() => update((current) => ({ ...current, icon }))}
                className={clsx(
                  "flex size-9 items-center justify-center rounded-md border text-gray-700",
                  draft.icon === icon ? "border-brand-500 bg-brand-50 text-brand-700" : "border-gray-200 hover:bg-gray-50",
                )}
              >
                <RoleIcon icon={icon} />
              </button>
            ))}
          </div>
          <FieldError id="role-icon-error" message={errorFor("icon")} />
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-gray-800">{t("assignableTo")}</legend>
          <div className="mt-2 flex flex-wrap gap-5">
            {PRINCIPAL_KINDS.map((kind) => {
              const key = ASSIGNABLE_SWITCHES[kind];
              return (
                <label key={key} className="flex items-center gap-2 text-sm text-gray-800">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-gray-300"
                    checked={draft[key]}
                    disabled={readOnly}
                    onChange={(event) => update((current) => ({ ...current, [key]: event.target.checked }))}
                  />
                  {t(ASSIGNABLE_LABELS[kind])}
                </label>
              );
            })}
          </div>
          <FieldError id="role-assignable-error" message={errorFor("assignableTo")} />
        </fieldset>
      </div>

      {role ? (
        <section aria-labelledby="danger-zone" className="rounded-lg border border-red-200 bg-white p-4">
          <h3 id="danger-zone" className="text-sm font-semibold text-red-800">{t("dangerZone")}</h3>
          <p className="mt-1 text-sm text-gray-600">{deleteBlocked ?? (isSet ? ts("deleteHelp") : t("deleteHelp"))}</p>
          <Button variant="danger" className="mt-3" disabled={deleteBlocked !== null} onClick={() => { setDeleteError(null); setConfirming(true); }}>
            {isSet ? ts("delete") : t("deleteRole")}
          </Button>
        </section>
      ) : null}

      <Modal
        open={confirming}
        onOpenChange={setConfirming}
        title={isSet ? ts("deleteTitle") : t("deleteTitle")}
        description={isSet ? ts("deleteBody", { name: draft.name }) : t("deleteBody", { name: draft.name, defaultRole: defaultRoleName })}
        closeLabel={tc("close")}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>{tc("cancel")}</Button>
            <Button variant="danger" onClick={confirmDelete} disabled={deleting}>{tc("confirm")}</Button>
          </>
        }
      >
        {deleteError ? <p role="alert" className="text-sm text-red-700">{deleteError}</p> : null}
      </Modal>
    </div>
  );
}
