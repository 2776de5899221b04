"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { updateWorkspaceAction } from "@/app/settings/workspace/actions";
import { FormErrors, FormFooter, SelectField, TextField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";

export function WorkspaceForm({ initial }: { initial: { name: string; defaultLocale: Locale } }) {
  const t = useTranslations("settings.workspace");
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [defaultLocale, setDefaultLocale] = useState<string>(initial.defaultLocale);
  const { errors, setErrors, pending, run } = useAction(updateWorkspaceAction, {
    failureToast: t("saveFailed"),
    onSuccess: (settings) => {
      setSaved(settings);
      setName(settings.name);
      toast.success(t("saved"));
      router.refresh();
    },
  });
  const { forField, general } = useFormErrors(errors, { name: t("nameInvalid"), defaultLocale: t("languageInvalid") });
  const dirty = name !== saved.name || defaultLocale !== saved.defaultLocale;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ name, defaultLocale });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-gray-200 bg-white p-4">
      <FormErrors messages={general} />
      <TextField id="workspace-name" label={t("nameLabel")} value={name} maxLength={200} error={forField("name")} onChange={(event) => setName(event.target.value)} />
      <SelectField
        id="workspace-language"
        label={t("languageLabel")}
        help={t("languageHelp")}
        value={defaultLocale}
        error={forField("defaultLocale")}
        onChange={(event) => setDefaultLocale(event.target.value)}
        className="mt-1 block w-64 rounded-md border border-gray-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-500"
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>{LOCALE_NAMES[locale]}</option>
        ))}
      </SelectField>
      <FormFooter
        className="border-t border-gray-100 pt-4"
        cancelLabel={t("cancel")}
        cancelDisabled={!dirty || pending}
        onCancel={() => {
          setName(saved.name);
          setDefaultLocale(saved.defaultLocale);
          setErrors([]);
        }}
        submitLabel={t("save")}
        submitDisabled={!dirty}
        pending={pending}
      />
    </form>
  );
}
