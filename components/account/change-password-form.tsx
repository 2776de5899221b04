"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { FormErrors, TextField } from "@/components/ui/form-field";
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
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [pending, startTransition] = useTransition();
  const { forField, general } = useFormErrors(errors, { currentPassword: t("currentPasswordInvalid"), newPassword: t("newPasswordInvalid") });
  // PASSWORD_TOO_SHORT carries the minimum length, which the generic lookup leaves out.
  const withParams = (field: string) => {
    const error = errors.find((candidate) => candidate.field === field);
    return error?.params ? te(error.code, error.params) : forField(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await action({ currentPassword, newPassword });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors([]);
      setCurrentPassword("");
      setNewPassword("");
      toast.success(t("passwordChanged"));
      router.refresh();
    });
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
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={pending || !currentPassword || !newPassword}>
          {temporary ? t("continue") : t("changePassword")}
        </Button>
      </div>
    </form>
  );
}
