"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/app/(auth)/sign-in/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";

const INITIAL: SignInState = { errors: [], email: "" };
const INPUT = "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(signInAction, INITIAL);
  const fieldError = (field: string) => {
    const error = state.errors.find((e) => e.field === field);
    return error ? t(`errors.${error.code}`, error.params) : null;
  };
  const formError = state.errors.find((e) => !e.field);

  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormField id="email" label={t("auth.email")} error={fieldError("email")}>
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required defaultValue={state.email} className={INPUT} />}
      </FormField>
      <FormField id="password" label={t("auth.password")} error={fieldError("password")}>
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required className={INPUT} />}
      </FormField>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(`errors.${formError.code}`, formError.params)}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="w-full py-2" disabled={pending}>
        {t("auth.submit")}
      </Button>
    </form>
  );
}
