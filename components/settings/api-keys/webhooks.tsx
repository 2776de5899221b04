"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { CreatedWebhook } from "@/lib/webhooks/manage";
import { WEBHOOK_EVENT_PATTERNS } from "@/lib/webhooks/events";
import { createWebhookAction, deleteWebhookAction } from "@/app/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/settings/secret-reveal";
import { FormErrors, FormFooter, TextField } from "@/components/ui/form-field";
import { FieldError } from "@/components/ui/field-error";
import { EmptyState, Section } from "@/components/ui/section";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface WebhookDeliveryView {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed" | "withheld";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  when: string;
  nextAttempt: string | null;
}

export interface WebhookView {
  id: string;
  url: string;
  prefix: string;
  events: string[];
  ownerLabel: string;
  created: string;
  deliveries: WebhookDeliveryView[];
}

/**
 * Webhooks (docs/reference.md §20): `+ Add webhook` with `URL` and `Events`; the signing secret is shown once;
 * under each webhook, its latest deliveries with their status (the delivery log).
 */
export function Webhooks({ webhooks }: { webhooks: WebhookView[] }) {
  const t = useTranslations("settings.webhooks");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const { errors, setErrors, pending, run } = useAction(createWebhookAction, {
    onSuccess: (webhook) => {
      setCreated(webhook);
      router.refresh();
    },
  });
  const [deleting, startDelete] = useTransition();
  const { forField, general } = useFormErrors(errors, { url: t("urlInvalid"), events: t("eventsInvalid") });

  const close = () => {
    setOpen(false);
    setUrl("");
    setEvents([]);
    setErrors([]);
    setCreated(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ url, events });
  };
  const toggle = (pattern: string, on: boolean) => setEvents((current) => (on ? [...current, pattern] : current.filter((item) => item !== pattern)));
  const remove = (hook: WebhookView) =>
    startDelete(async () => {
      const result = await deleteWebhookAction({ webhookId: hook.id });
      if (!result.ok) toast.error(errorMessage(result.errors[0]));
      else toast.success(t("deleted", { url: hook.url }));
      router.refresh();
    });
  const eventsError = forField("events");

  return (
    <Section id="webhooks" className="mt-8" title={t("title")} description={t("subtitle")} actions={<Button onClick={() => setOpen(true)}>{t("add")}</Button>}>
      {webhooks.length === 0 ? <EmptyState className="px-4 py-5">{t("empty")}</EmptyState> : null}
      <ul className="divide-y divide-gray-100">
        {webhooks.map((hook) => (
          <li key={hook.id} className="px-4 py-3">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-gray-900">{hook.url}</p>
                <p className="text-xs text-gray-500">{t("summary", { events: hook.events.join(", "), prefix: hook.prefix, owner: hook.ownerLabel, date: hook.created })}</p>
              </div>
              <Button variant="ghost" disabled={deleting} aria-label={t("deleteNamed", { url: hook.url })} onClick={() => remove(hook)}>{t("delete")}</Button>
            </div>
            <table className="mt-2 w-full text-left text-xs text-gray-700" aria-label={t("deliveriesOf", { url: hook.url })}>
              <thead>
                <tr className="text-gray-500">
                  <th scope="col" className="py-1 font-medium">{t("event")}</th>
                  <th scope="col" className="py-1 font-medium">{t("status")}</th>
                  <th scope="col" className="py-1 font-medium">{t("attempts")}</th>
                  <th scope="col" className="py-1 font-medium">{t("when")}</th>
                </tr>
              </thead>
              <tbody>
                {hook.deliveries.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="py-1 text-gray-500">{t("noDeliveries")}</td>
                  </tr>
                ) : null}
                {hook.deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td className="py-1 font-mono">{delivery.event}</td>
                    <td className="py-1">
                      {t(`statuses.${delivery.status}`)}
                      {delivery.responseStatus !== null ? ` (HTTP ${delivery.responseStatus})` : delivery.lastError && delivery.status !== "delivered" ? ` (${t(`errors.${errorKey(delivery.lastError)}`)})` : ""}
                      {delivery.nextAttempt ? ` · ${t("nextAttempt", { date: delivery.nextAttempt })}` : ""}
                    </td>
                    <td className="py-1">{delivery.attempts}</td>
                    <td className="py-1">{delivery.when}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
      <Modal open={open} onOpenChange={(next) => (next ? setOpen(true) : close())} title={created ? t("secretTitle") : t("addTitle")} description={created ? t("secretHelp") : undefined}>
        {created ? (
          <SecretReveal id="webhook-secret" label={t("secretLabel")} secret={created.secret} onDone={close} />
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormErrors messages={general} />
            <TextField id="webhook-url" type="url" label={t("url")} value={url} maxLength={2000} autoComplete="off" placeholder="https://" error={forField("url")} onChange={(event) => setUrl(event.target.value)} />
            <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
              <legend className="block text-sm font-medium text-gray-800">{t("events")}</legend>
              <div className="mt-1 space-y-1">
                {WEBHOOK_EVENT_PATTERNS.map((pattern) => (
                  <label key={pattern} className="flex items-center gap-2 text-sm text-gray-700">
                    <input type="checkbox" checked={events.includes(pattern)} onChange={(event) => toggle(pattern, event.target.checked)} />
                    <span className="font-mono">{pattern}</span>
                  </label>
                ))}
              </div>
              {eventsError ? <FieldError id="webhook-events-error" message={eventsError} /> : null}
            </fieldset>
            <FormFooter onCancel={close} submitLabel={t("addSubmit")} pending={pending || deleting} />
          </form>
        )}
      </Modal>
    </Section>
  );
}

const ERROR_KEYS = ["TIMEOUT", "UNREACHABLE", "WEBHOOK_DELETED", "OWNER_NO_ACCESS", "OUTSIDE_OWNER_SIGHT"] as const;
function errorKey(error: string): (typeof ERROR_KEYS)[number] | "OTHER" {
  return (ERROR_KEYS as readonly string[]).includes(error) ? (error as (typeof ERROR_KEYS)[number]) : "OTHER";
}
