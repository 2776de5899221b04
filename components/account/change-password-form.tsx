"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/errors";
import { FormErrors, FormFooter, TextField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";

/**
 * Current and new password. Used on Settings → Account and, with `temporary`, on the page a
 * member with a temporary password is held on until they choose their own.
 */
export function ChangePasswordForm({ email, action, temporary = false }: { email: string; action: (input: unknown) => Promise<ActionResult>; temporary?: boolean }) {
  const t = useTranslations("account");
  const te = useTranslations("errors");
  const router = useRouter();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const { errors, pending, run } = useAction(action, {
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
      toast.success(t("passwordChanged"));
      router.refresh();
    },
  });
  const { forField, general } = useFormErrors(errors, { currentPassword: t("currentPasswordInvalid"), newPassword: t("newPasswordInvalid") });
  // PASSWORD_TOO_SHORT carries the minimum length, which the generic lookup leaves out.
  const withParams = (field: string) => {
    const error = errors.find((candidate) => candidate.field === field);
    return error?.params ? te(error.code, error.params) : forField(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ currentPassword, newPassword });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormErrors messages={general} />
      <TextField
        id="current-password"
        label={temporary ? t("temporaryPassword") : t("currentPassword")}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        error={withParams("currentPassword")}
        onChange={(event) => setCurrentPassword(event.target.value)}
      />
      <TextField
        id="new-password"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        help={t("newPasswordHelp")}
        value={newPassword}
        error={withParams("newPassword")}
        onChange={(event) => setNewPassword(event.target.value)}
      />
      <FormFooter submitLabel={temporary ? t("continue") : t("changePassword")} pending={pending} submitDisabled={!currentPassword || !newPassword} />
    </form>
  );
}
