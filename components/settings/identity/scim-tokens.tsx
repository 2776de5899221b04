"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { CreatedScimToken } from "@/lib/scim/tokens";
import { createScimTokenAction, revokeScimTokenAction } from "@/app/settings/security/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/settings/secret-reveal";
import { CopyField } from "@/components/settings/copy-field";
import { FormErrors, FormFooter, TextField } from "@/components/ui/form-field";
import { EmptyState, Section } from "@/components/ui/section";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface ScimTokenView {
  id: string;
  name: string;
  prefix: string;
  creator: string;
  created: string;
  lastUsed: string | null;
}

/** SCIM provisioning (docs/reference.md §20): the base URL to give the identity provider, and its bearer tokens (shown once). */
export function ScimTokens({ tokens, endpoint }: { tokens: ScimTokenView[]; endpoint: string }) {
  const t = useTranslations("settings.scim");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreatedScimToken | null>(null);
  const { errors, setErrors, pending, run } = useAction(createScimTokenAction, {
    onSuccess: (token) => {
      setCreated(token);
      router.refresh();
    },
  });
  const [revoking, startRevoke] = useTransition();
  const { forField, general } = useFormErrors(errors, { name: t("nameInvalid") });
  const close = () => {
    setOpen(false);
    setName("");
    setErrors([]);
    setCreated(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ name });
  };
  const revoke = (token: ScimTokenView) =>
    startRevoke(async () => {
      const result = await revokeScimTokenAction({ id: token.id });
      if (!result.ok) toast.error(errorMessage(result.errors[0]));
      else toast.success(t("revoked", { name: token.name }));
      router.refresh();
    });

  return (
    <Section id="security-scim" title={t("title")} description={t("subtitle")} actions={<Button onClick={() => setOpen(true)}>{t("create")}</Button>}>
      <div className="border-b border-gray-100 px-4 py-3">
        <CopyField id="scim-endpoint" label={t("endpoint")} value={endpoint} />
      </div>
      {tokens.length === 0 ? <EmptyState className="px-4 py-5">{t("empty")}</EmptyState> : null}
      <ul className="divide-y divide-gray-100">
        {tokens.map((token) => (
          <li key={token.id} className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm">
            <span>
              <span className="font-medium text-gray-900">{token.name}</span>{" "}
              <span className="text-xs text-gray-500">{t("summary", { prefix: token.prefix, creator: token.creator, date: token.created })} · {token.lastUsed ? t("lastUsed", { date: token.lastUsed }) : t("neverUsed")}</span>
            </span>
            <Button variant="ghost" disabled={revoking} aria-label={t("revokeNamed", { name: token.name })} onClick={() => revoke(token)}>{t("revoke")}</Button>
          </li>
        ))}
      </ul>
      <Modal open={open} onOpenChange={(next) => (next ? setOpen(true) : close())} title={created ? t("secretTitle") : t("createTitle")} description={created ? t("secretHelp") : undefined}>
        {created ? (
          <SecretReveal id="scim-token-secret" label={t("secretLabel")} secret={created.secret} onDone={close} />
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormErrors messages={general} />
            <TextField id="scim-token-name" label={t("name")} value={name} maxLength={100} autoComplete="off" error={forField("name")} onChange={(event) => setName(event.target.value)} />
            <FormFooter onCancel={close} submitLabel={t("createSubmit")} pending={pending} />
          </form>
        )}
      </Modal>
    </Section>
  );
}
