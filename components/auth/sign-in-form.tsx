"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/app/(auth)/sign-in/actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";

const INITIAL: SignInState = { errors: [], email: "" };

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
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-gray-800">
          {t("auth.email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={fieldError("email") ? true : undefined}
          aria-describedby="email-error"
          className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500"
        />
        <FieldError id="email-error" message={fieldError("email")} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-gray-800">
          {t("auth.password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldError("password") ? true : undefined}
          aria-describedby="password-error"
          className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500"
        />
        <FieldError id="password-error" message={fieldError("password")} />
      </div>
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
