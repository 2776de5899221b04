"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { saveSsoSettingsAction } from "@/app/settings/security/actions";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/settings/copy-field";
import { FormErrors, TextField } from "@/components/ui/form-field";
import { Section } from "@/components/ui/section";
import { SwitchRow } from "@/components/ui/switch-row";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";

export interface SsoSettingsView {
  providerName: string;
  issuerUrl: string;
  clientId: string;
  groupsClaim: string;
  passwordSignIn: boolean;
}

/**
 * Single sign-on (docs/reference.md §20): `Provider name`, `Issuer URL`, `Client ID`, `Client secret`, `Groups
 * claim`, `Password sign-in`, `Save`, and the redirect URL to register at the provider. The client
 * secret is never sent back: left empty, the stored one is kept.
 */
export function SsoSettingsForm({ settings, redirectUrl }: { settings: SsoSettingsView | null; redirectUrl: string }) {
  const t = useTranslations("settings.sso");
  const router = useRouter();
  const [form, setForm] = useState({
    providerName: settings?.providerName ?? "",
    issuerUrl: settings?.issuerUrl ?? "",
    clientId: settings?.clientId ?? "",
    clientSecret: "",
    groupsClaim: settings?.groupsClaim ?? "groups",
    passwordSignIn: settings?.passwordSignIn ?? true,
  });
  const { errors, pending, run } = useAction(saveSsoSettingsAction, {
    onSuccess: () => {
      toast.success(t("saved"));
      setForm((current) => ({ ...current, clientSecret: "" }));
      router.refresh();
    },
  });
  const { forField, general } = useFormErrors(errors, {
    providerName: t("providerNameInvalid"),
    issuerUrl: t("issuerInvalid"),
    clientId: t("clientIdInvalid"),
    clientSecret: t("clientSecretInvalid"),
    groupsClaim: t("groupsClaimInvalid"),
  });
  const field = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(form);
  };

  return (
    <Section id="security-sso" title={t("title")} description={t("subtitle")}>
      <form onSubmit={submit} noValidate className="space-y-4 px-4 py-4">
        <FormErrors messages={general} />
        <CopyField id="sso-redirect-url" label={t("redirectUrl")} value={redirectUrl} />
        <TextField id="sso-provider-name" label={t("providerName")} value={form.providerName} maxLength={100} error={forField("providerName")} onChange={field("providerName")} />
        <TextField id="sso-issuer" type="url" label={t("issuerUrl")} help={t("issuerHelp")} value={form.issuerUrl} maxLength={2000} placeholder="https://" error={forField("issuerUrl")} onChange={field("issuerUrl")} />
        <TextField id="sso-client-id" label={t("clientId")} value={form.clientId} maxLength={500} autoComplete="off" error={forField("clientId")} onChange={field("clientId")} />
        <TextField id="sso-client-secret" type="password" label={t("clientSecret")} help={settings ? t("clientSecretKept") : undefined} value={form.clientSecret} maxLength={2000} autoComplete="new-password" error={forField("clientSecret")} onChange={field("clientSecret")} />
        <TextField id="sso-groups-claim" label={t("groupsClaim")} value={form.groupsClaim} maxLength={100} error={forField("groupsClaim")} onChange={field("groupsClaim")} />
        <SwitchRow id="sso-password-sign-in" label={t("passwordSignIn")} description={t("passwordSignInHelp")} checked={form.passwordSignIn} onCheckedChange={(checked) => setForm((current) => ({ ...current, passwordSignIn: checked }))} />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={pending}>{t("save")}</Button>
        </div>
      </form>
    </Section>
  );
}
