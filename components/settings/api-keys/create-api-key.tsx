"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { CreatedApiKey } from "@/lib/api-keys/create";
import { createApiKeyAction } from "@/app/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/settings/secret-reveal";
import { FormErrors, FormFooter, SelectField, TextField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

interface Props {
  /** Roles a key may hold; empty when the member may not assign roles (no Roles permission). */
  roles: { id: string; name: string; withinAuthority: boolean }[];
  /** May the creator make a key without a role (it acts with the default role)? */
  defaultWithinAuthority: boolean;
  canChooseRole: boolean;
  defaultRoleName: string;
  /** The earliest expiry day the server accepts, `YYYY-MM-DD` (tomorrow, UTC). */
  minExpiry: string;
}

/** "+ Create API key": the secret is shown once, in this dialog, and never again. */
export function CreateApiKey({ roles, defaultWithinAuthority, canChooseRole, defaultRoleName, minExpiry }: Props) {
  const t = useTranslations("settings.apiKeys");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [expiresAt, setExpiresAt] = useState("");
  const [roleId, setRoleId] = useState("");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { errors, setErrors, pending, run } = useAction(createApiKeyAction, {
    failureToast: t("createFailed"),
    onSuccess: (key) => {
      setCreated(key);
      toast.success(t("created", { name: key.name }));
      router.refresh();
    },
  });
  const { forField, general } = useFormErrors(errors, { name: t("nameInvalid"), expiresAt: t("expiresInvalid"), roleId: t("roleInvalid") });
  const errorMessage = useErrorMessage();
  const beyond = errorMessage({ code: "EXCEEDS_AUTHORITY", params: { kind: "none", action: "", object: "", field: "", key: "" } });

  const reset = () => {
    setName("");
    setExpiresAt("");
    setRoleId("");
    setErrors([]);
    setCreated(null);
  };

  const close = () => {
    setOpen(false);
    reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ name, expiresAt, roleId: canChooseRole ? roleId : "" });
  };

  return (
    <>
      <Button variant="primary" onClick={() => { reset(); setOpen(true); }}>{t("create")}</Button>
      <Modal
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        title={created ? t("secretTitle") : t("createTitle")}
        description={created ? t("secretHelp") : undefined}
       
      >
        {created ? (
          <SecretReveal id="api-key-secret" label={t("secretLabel")} secret={created.secret} onDone={close} />
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormErrors messages={general} />
            <TextField id="api-key-name" label={t("nameLabel")} value={name} maxLength={200} autoComplete="off" error={forField("name")} onChange={(event) => setName(event.target.value)} />
            <TextField
              id="api-key-expires"
              type="date"
              label={t("expiresLabel")}
              help={t("expiresHelp")}
              min={minExpiry}
              value={expiresAt}
              error={forField("expiresAt")}
              onChange={(event) => setExpiresAt(event.target.value)}
            />
            <SelectField
              id="api-key-role"
              label={t("roleLabel")}
              help={canChooseRole ? t("roleHelp", { role: defaultRoleName }) : t("roleNeedsRoles", { role: defaultRoleName })}
              value={canChooseRole ? roleId : ""}
              disabled={!canChooseRole}
              error={forField("roleId")}
              onChange={(event) => setRoleId(event.target.value)}
            >
              <option value="" disabled={!defaultWithinAuthority} title={defaultWithinAuthority ? undefined : beyond}>{t("defaultRoleOption", { role: defaultRoleName })}</option>
              {roles.map((role) => (
                <option key={role.id} value={role.id} disabled={!role.withinAuthority} title={role.withinAuthority ? undefined : beyond}>{role.name}</option>
              ))}
            </SelectField>
            <FormFooter onCancel={close} submitLabel={t("createSubmit")} pending={pending} />
          </form>
        )}
      </Modal>
    </>
  );
}
