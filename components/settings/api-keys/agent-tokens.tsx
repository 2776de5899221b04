"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionError } from "@/lib/errors";
import type { CreatedAgentToken } from "@/lib/agents/tokens";
import { createAgentTokenAction, revokeAgentTokenAction } from "@/app/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/settings/secret-reveal";
import { FormErrors, TextField } from "@/components/ui/form-field";
import { useFormErrors } from "@/components/settings/form-errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface AgentTokenRow {
  id: string;
  name: string;
  roleName: string | null;
  tokens: { id: string; name: string; prefix: string; created: string; lastUsed: string | null }[];
}

/**
 * AI agent tokens (SPEC §15): per agent, the credentials of MCP over HTTP. A token is shown once;
 * whoever holds it acts as the agent with the agent's own role.
 */
export function AgentTokens({ agents }: { agents: AgentTokenRow[] }) {
  const t = useTranslations("settings.agentTokens");
  const tc = useTranslations("common");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [agent, setAgent] = useState<AgentTokenRow | null>(null);
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [created, setCreated] = useState<CreatedAgentToken | null>(null);
  const [pending, startTransition] = useTransition();
  const { forField, general } = useFormErrors(errors, { name: t("nameInvalid") });

  const close = () => {
    setAgent(null);
    setName("");
    setErrors([]);
    setCreated(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agent) return;
    startTransition(async () => {
      const result = await createAgentTokenAction({ agentId: agent.id, name });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setCreated(result.data);
      router.refresh();
    });
  };

  const revoke = (token: { id: string; name: string }) =>
    startTransition(async () => {
      const result = await revokeAgentTokenAction({ tokenId: token.id });
      if (!result.ok) toast.error(errorMessage(result.errors[0]));
      else toast.success(t("revoked", { name: token.name }));
      router.refresh();
    });

  return (
    <section aria-labelledby="agent-tokens" className="mt-8 rounded-lg border border-gray-200 bg-white">
      <header className="border-b border-gray-100 px-4 py-3">
        <h2 id="agent-tokens" className="text-sm font-semibold text-gray-900">{t("title")}</h2>
        <p className="text-xs text-gray-500">{t("subtitle")}</p>
      </header>
      {agents.length === 0 ? <p className="px-4 py-5 text-center text-sm text-gray-500">{t("noAgents")}</p> : null}
      <ul className="divide-y divide-gray-100">
        {agents.map((row) => (
          <li key={row.id} className="px-4 py-3">
            <div className="flex items-center justify-between gap-3">
              <div>
                <p className="text-sm font-medium text-gray-900">{row.name}</p>
                <p className="text-xs text-gray-500">{row.roleName ? t("role", { role: row.roleName }) : t("noRole")}</p>
              </div>
              <Button onClick={() => setAgent(row)} aria-label={t("createFor", { agent: row.name })}>{t("create")}</Button>
            </div>
            {row.tokens.length > 0 ? (
              <ul className="mt-2 space-y-1">
                {row.tokens.map((token) => (
                  <li key={token.id} className="flex items-center justify-between gap-3 text-xs text-gray-600">
                    <span>
                      <span className="font-medium text-gray-800">{token.name}</span> · {token.prefix}… · {t("createdOn", { date: token.created })} · {token.lastUsed ? t("lastUsed", { date: token.lastUsed }) : t("neverUsed")}
                    </span>
                    <Button variant="ghost" disabled={pending} aria-label={t("revokeNamed", { name: token.name })} onClick={() => revoke(token)}>{t("revoke")}</Button>
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
        closeLabel={tc("close")}
      >
        {created ? (
          <SecretReveal id="agent-token-secret" label={t("secretLabel")} secret={created.secret} onDone={close} />
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormErrors messages={general} />
            <TextField id="agent-token-name" label={t("nameLabel")} value={name} maxLength={200} autoComplete="off" error={forField("name")} onChange={(event) => setName(event.target.value)} />
            <div className="flex justify-end gap-2">
              <Button onClick={close}>{tc("cancel")}</Button>
              <Button type="submit" variant="primary" disabled={pending}>{t("createSubmit")}</Button>
            </div>
          </form>
        )}
      </Modal>
    </section>
  );
}
