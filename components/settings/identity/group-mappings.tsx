"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { addGroupMappingAction, deleteGroupMappingAction } from "@/app/settings/security/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { FormErrors, FormFooter, SelectField, TextField } from "@/components/ui/form-field";
import { EmptyState, Section } from "@/components/ui/section";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface GroupMappingView {
  id: string;
  group: string;
  grantName: string;
  grantKind: "role" | "set";
}

export interface GrantOption {
  id: string;
  name: string;
  kind: "role" | "set";
  /** False when it exceeds the actor's authority (docs/reference.md §11): shown disabled. */
  withinAuthority: boolean;
}

/**
 * Group mappings (docs/reference.md §20): a group of the identity provider (OIDC groups claim, SCIM group) →
 * a role or a permission set, which follows the group at every sign-in and SCIM change.
 */
export function GroupMappings({ mappings, grants }: { mappings: GroupMappingView[]; grants: GrantOption[] }) {
  const t = useTranslations("settings.groupMappings");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState("");
  const [grantId, setGrantId] = useState("");
  const { errors, setErrors, pending, run } = useAction(addGroupMappingAction, {
    onSuccess: () => {
      close();
      router.refresh();
    },
  });
  const [deleting, startDelete] = useTransition();
  const { forField, general } = useFormErrors(errors, { group: t("groupInvalid"), grantId: t("grantInvalid") });
  function close() {
    setOpen(false);
    setGroup("");
    setGrantId("");
    setErrors([]);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ group, grantId });
  };
  const remove = (mapping: GroupMappingView) =>
    startDelete(async () => {
      const result = await deleteGroupMappingAction({ id: mapping.id });
      if (!result.ok) toast.error(errorMessage(result.errors[0]));
      router.refresh();
    });
  const label = (kind: "role" | "set", name: string) => (kind === "set" ? t("set", { name }) : t("role", { name }));

  return (
    <Section id="group-mappings" title={t("title")} description={t("subtitle")} actions={<Button onClick={() => setOpen(true)}>{t("add")}</Button>}>
      {mappings.length === 0 ? <EmptyState className="px-4 py-5">{t("empty")}</EmptyState> : null}
      {mappings.length > 0 ? (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-xs text-gray-500">
              <th scope="col" className="px-4 py-2 font-medium">{t("group")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("grant")}</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {mappings.map((mapping) => (
              <tr key={mapping.id}>
                <td className="px-4 py-2 font-mono text-gray-900">{mapping.group}</td>
                <td className="px-4 py-2 text-gray-700">{label(mapping.grantKind, mapping.grantName)}</td>
                <td className="px-4 py-2 text-right">
                  <Button variant="ghost" disabled={deleting} aria-label={t("deleteNamed", { group: mapping.group, grant: mapping.grantName })} onClick={() => remove(mapping)}>{t("delete")}</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Modal open={open} onOpenChange={(next) => (next ? setOpen(true) : close())} title={t("addTitle")}>
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormErrors messages={general} />
          <TextField id="mapping-group" label={t("group")} value={group} maxLength={200} autoComplete="off" error={forField("group")} onChange={(event) => setGroup(event.target.value)} />
          <SelectField id="mapping-grant" label={t("grant")} value={grantId} error={forField("grantId")} onChange={(event) => setGrantId(event.target.value)}>
            <option value="">{t("chooseGrant")}</option>
            {grants.map((grant) => (
              <option key={grant.id} value={grant.id} disabled={!grant.withinAuthority}>{label(grant.kind, grant.name)}</option>
            ))}
          </SelectField>
          <FormFooter onCancel={close} submitLabel={t("addSubmit")} pending={pending} />
        </form>
      </Modal>
    </Section>
  );
}
