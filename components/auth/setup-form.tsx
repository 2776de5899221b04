"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setupAction, type SetupState } from "@/app/(auth)/setup/actions";
import { Button } from "@/components/ui/button";
import { FormErrors, TextField } from "@/components/ui/form-field";
import { useFormErrors } from "@/components/settings/form-errors";

const INITIAL: SetupState = { errors: [], values: { workspaceName: "", name: "", email: "" } };

export function SetupForm() {
  const t = useTranslations("setup");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(setupAction, INITIAL);
  const { forField, general } = useFormErrors(state.errors, {
    workspaceName: t("workspaceNameInvalid"),
    name: t("nameInvalid"),
    email: t("emailInvalid"),
    password: t("passwordInvalid"),
  });
  const passwordError = state.errors.find((error) => error.field === "password");

  return (
    // Keyed by the returned values so that a refused submit shows what was typed.
    <form key={JSON.stringify(state.values)} action={action} noValidate className="space-y-4">
      <FormErrors messages={general} />
      <TextField id="setup-workspace" name="workspaceName" label={t("workspaceName")} maxLength={100} defaultValue={state.values.workspaceName} error={forField("workspaceName")} />
      <TextField id="setup-name" name="name" label={t("name")} autoComplete="name" maxLength={100} defaultValue={state.values.name} error={forField("name")} />
      <TextField id="setup-email" name="email" type="email" label={t("email")} autoComplete="username" defaultValue={state.values.email} error={forField("email")} />
      <TextField
        id="setup-password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="new-password"
        help={t("passwordHelp")}
        error={passwordError?.params ? te(passwordError.code, passwordError.params) : forField("password")}
      />
      <Button type="submit" variant="primary" className="w-full py-2" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
