"use client";

import type { HeldSetView } from "@/lib/roles/permission-sets";
import { HeldSets } from "@/components/permission-sets/held-sets";
import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { CreatedAgentToken } from "@/lib/agents/tokens";
import { createAgentTokenAction, revokeAgentTokenAction } from "@/app/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/settings/secret-reveal";
import { FormErrors, FormFooter, TextField } from "@/components/ui/form-field";
import { EmptyState, Section } from "@/components/ui/section";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface AgentTokenRow {
  id: string;
  name: string;
  roleName: string | null;
  /** Permission sets held beside the role (SPEC §17). */
  sets: HeldSetView[];
  tokens: { id: string; name: string; prefix: string; created: string; lastUsed: string | null; expires: string | null; expired: boolean }[];
}

/**
 * AI agent tokens (SPEC §15): per agent, the credentials of MCP over HTTP. A token is shown once;
 * whoever holds it acts as the agent with the agent's own role.
 */
export function AgentTokens({ agents }: { agents: AgentTokenRow[] }) {
  const t = useTranslations("settings.agentTokens");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [agent, setAgent] = useState<AgentTokenRow | null>(null);
  const [name, setName] = useState("");
  const [expiresAt, setExpiresAt] = useState("");
  const [created, setCreated] = useState<CreatedAgentToken | null>(null);
  const { errors, setErrors, pending, run } = useAction(createAgentTokenAction, {
    onSuccess: (token) => {
      setCreated(token);
      router.refresh();
    },
  });
  const [revoking, startRevoke] = useTransition();
  const { forField, general } = useFormErrors(errors, { name: t("nameInvalid"), expiresAt: t("expiresInvalid") });
  const minExpiry = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  const close = () => {
    setAgent(null);
    setName("");
    setExpiresAt("");
    setErrors([]);
    setCreated(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agent) return;
    run({ agentId: agent.id, name, expiresAt });
  };

  const revoke = (token: { id: string; name: string }) =>
    startRevoke(async () => {
      const result = await revokeAgentTokenAction({ tokenId: token.id });
      if (!result.ok) toast.error(errorMessage(result.errors[0]));
      else toast.success(t("revoked", { name: token.name }));
      router.refresh();
    });

  return (
    <Section id="agent-tokens" className="mt-8" title={t("title")} description={t("subtitle")}>
      {agents.length === 0 ? <EmptyState className="px-4 py-5">{t("noAgents")}</EmptyState> : null}
      <ul className="divide-y divide-gray-100">
        {agents.map((row) => (
          <li key={row.id} className="px-4 py-3">
            <div className="flex items-center justify-between gap-3">
              <div>
                <p className="text-sm font-medium text-gray-900">{row.name}</p>
                <p className="text-xs text-gray-500">{row.roleName ? t("role", { role: row.roleName }) : t("noRole")}</p>
                <HeldSets sets={row.sets} />
              </div>
              <Button onClick={() => setAgent(row)} aria-label={t("createFor", { agent: row.name })}>{t("create")}</Button>
            </div>
            {row.tokens.length > 0 ? (
              <ul className="mt-2 space-y-1">
                {row.tokens.map((token) => (
                  <li key={token.id} className="flex items-center justify-between gap-3 text-xs text-gray-600">
                    <span>
                      <span className="font-medium text-gray-800">{token.name}</span> · {token.prefix}… · {t("createdOn", { date: token.created })} · {token.lastUsed ? t("lastUsed", { date: token.lastUsed }) : t("neverUsed")}
                      {token.expires ? <> · {token.expired ? t("expired", { date: token.expires }) : t("expires", { date: token.expires })}</> : null}
                    </span>
                    <Button variant="ghost" disabled={pending || revoking} aria-label={t("revokeNamed", { name: token.name })} onClick={() => revoke(token)}>{t("revoke")}</Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <Modal
        open={agent !== null}
        onOpenChange={(open) => (open ? undefined : close())}
        title={created ? t("secretTitle") : t("createTitle", { agent: agent?.name ?? "" })}
        description={created ? t("secretHelp") : undefined}
       
      >
        {created ? (
          <SecretReveal id="agent-token-secret" label={t("secretLabel")} secret={created.secret} onDone={close} />
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormErrors messages={general} />
            <TextField id="agent-token-name" label={t("nameLabel")} value={name} maxLength={200} autoComplete="off" error={forField("name")} onChange={(event) => setName(event.target.value)} />
            <TextField
              id="agent-token-expires"
              type="date"
              label={t("expiresLabel")}
              help={t("expiresHelp")}
              min={minExpiry}
              value={expiresAt}
              error={forField("expiresAt")}
              onChange={(event) => setExpiresAt(event.target.value)}
            />
            <FormFooter onCancel={close} submitLabel={t("createSubmit")} pending={pending || revoking} />
          </form>
        )}
      </Modal>
    </Section>
  );
}
