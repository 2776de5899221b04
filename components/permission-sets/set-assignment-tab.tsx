"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import Link from "next/link";
import { Bot, KeyRound, ShieldCheck, User } from "lucide-react";
import { matchesSearch } from "@/lib/roles/search-key";
import { canAssignRole, type PrincipalKind } from "@/lib/permissions";
import type { Assignee } from "@/lib/roles/assignees";
import { assignPermissionSetAction, unassignPermissionSetAction } from "@/app/settings/roles/permission-set-actions";
import { SearchInput } from "@/components/ui/search-input";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { Tooltip } from "@/components/ui/tooltip";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { EditorRole, RoleEditorProps } from "@/components/roles/editor/types";

type Props = Pick<RoleEditorProps, "principals" | "actorMemberId" | "authority"> & { set: EditorRole };

const KINDS = [
  { kind: "member", list: "members", icon: User, section: "members", button: "assignMember", empty: "noMembers", picker: "pickerTitleMember" },
  { kind: "apiKey", list: "apiKeys", icon: KeyRound, section: "apiKeys", button: "assignApiKey", empty: "noApiKeys", picker: "pickerTitleApiKey" },
  { kind: "agent", list: "agents", icon: Bot, section: "agents", button: "assignAgent", empty: "noAgents", picker: "pickerTitleAgent" },
] as const;

type Pending = { type: "give" | "take"; kind: PrincipalKind; principal: Assignee };

/**
 * A permission set's Assignment tab (SPEC §17): who holds it beside their role, each for good or
 * until an instant; give it to more, or take it back. The server judges authority (SPEC §11):
 * the set must be within the actor's, and nobody changes their own grants.
 */
export function SetAssignmentTab({ set, principals, actorMemberId, authority }: Props) {
  const t = useTranslations("roles.assignment");
  const ts = useTranslations("permissionSets.assignment");
  const ti = useTranslations("inspect");
  const tc = useTranslations("common");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const router = useRouter();
  const [picker, setPicker] = useState<PrincipalKind | null>(null);
  const [query, setQuery] = useState("");
  const [pending, setPending] = useState<Pending | null>(null);
  const [until, setUntil] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [working, startWork] = useTransition();
  const name = set.draft.name;

  const beyondAuthority = authority && !authority.withinRoleIds.includes(set.id)
    ? errorMessage({ code: "EXCEEDS_AUTHORITY", params: { kind: "none", action: "", object: "", field: "", key: "" } })
    : null;
  const blockerFor = (kind: PrincipalKind, principal: Assignee) => beyondAuthority ?? (kind === "member" && principal.id === actorMemberId ? t("ownRole") : null);
  const holds = (principal: Assignee) => principal.sets.find((held) => held.id === set.id);

  const pickerEntry = KINDS.find((entry) => entry.kind === picker);
  const candidates = pickerEntry ? principals[pickerEntry.list].filter((principal) => !holds(principal) && matchesSearch(query, principal.name, principal.detail)) : [];

  const confirm = () =>
    startWork(async () => {
      if (!pending) return;
      const input = { setId: set.id, target: { kind: pending.kind, id: pending.principal.id } };
      // A datetime-local value is the reader's local time; the server gets the instant.
      const result = pending.type === "give" ? await assignPermissionSetAction({ ...input, until: until ? new Date(until).toISOString() : null }) : await unassignPermissionSetAction(input);
      if (!result.ok) {
        const [first] = result.errors;
        setError(first.field === "until" && first.code === "VALIDATION_FAILED" ? t("untilInvalid") : errorMessage(first));
        return;
      }
      toast.success(pending.type === "give" ? ts("given", { name: pending.principal.name, set: name }) : ts("taken", { name: pending.principal.name, set: name }));
      setPending(null);
      router.refresh();
    });

  return (
    <div className="space-y-6">
      {KINDS.map((entry) => {
        const holders = principals[entry.list].filter((principal) => holds(principal));
        const allowed = canAssignRole({ ...set.draft, isAdmin: false }, entry.kind);
        const Icon = entry.icon;
        return (
          <section key={entry.kind} aria-labelledby={`set-assignment-${entry.kind}`} className="rounded-lg border border-gray-200 bg-white">
            <header className="flex items-center justify-between gap-4 border-b border-gray-100 px-4 py-3">
              <h2 id={`set-assignment-${entry.kind}`} className="text-sm font-semibold text-gray-900">
                {t(entry.section)} <span className="font-normal text-gray-500">({holders.length})</span>
              </h2>
              {allowed && beyondAuthority ? (
                <Tooltip content={beyondAuthority}>
                  <Button aria-disabled className="cursor-not-allowed text-gray-400 hover:bg-transparent" aria-description={beyondAuthority}>{t(entry.button)}</Button>
                </Tooltip>
              ) : allowed ? (
                <Button onClick={() => { setQuery(""); setError(null); setPicker(entry.kind); }}>{t(entry.button)}</Button>
              ) : (
                <p className="text-xs text-gray-500">{t("notAssignable", { kind: t(entry.section) })}</p>
              )}
            </header>
            {holders.length === 0 ? (
              <p className="px-4 py-5 text-center text-sm text-gray-500">{t(entry.empty)}</p>
            ) : (
              <ul className="divide-y divide-gray-100">
                {holders.map((principal) => {
                  const blocker = blockerFor(entry.kind, principal);
                  const held = holds(principal);
                  const button = (
                    <Button
                      variant="ghost"
                      aria-label={t("unassignNamed", { name: principal.name })}
                      aria-disabled={blocker ? true : undefined}
                      aria-description={blocker ?? undefined}
                      className={blocker ? "cursor-not-allowed text-gray-400 hover:bg-transparent" : undefined}
                      onClick={() => {
                        if (blocker) return;
                        setError(null);
                        setPending({ type: "take", kind: entry.kind, principal });
                      }}
                    >
                      {t("unassign")}
                    </Button>
                  );
                  return (
                    <li key={principal.id} className="flex items-center gap-3 px-4 py-2.5">
                      <span className="flex size-7 items-center justify-center rounded-full bg-gray-100 text-gray-600">
                        <Icon aria-hidden className="size-4" />
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-sm text-gray-900">{principal.name}</span>
                        <span className="block truncate text-xs text-gray-500">
                          {principal.roleName ? t("currentRole", { role: principal.roleName }) : t("noRole")}
                          {principal.detail ? ` · ${principal.detail}` : ""}
                        </span>
                        {held?.until ? (
                          <span className="block text-xs text-amber-700">{t("holderUntil", { date: format.dateTime(new Date(held.until), { dateStyle: "medium", timeStyle: "short" }) })}</span>
                        ) : null}
                      </span>
                      <Link
                        href={`/settings/permissions?principal=${entry.kind}:${principal.id}`}
                        aria-label={ti("viewPermissions", { name: principal.name })}
                        title={ti("viewPermissions", { name: principal.name })}
                        className="rounded p-1.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
                      >
                        <ShieldCheck aria-hidden className="size-4" />
                      </Link>
                      {blocker ? <Tooltip content={blocker}>{button}</Tooltip> : button}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}

      <Modal open={picker !== null} onOpenChange={(open) => !open && setPicker(null)} title={pickerEntry ? t(pickerEntry.picker) : ""}>
        <SearchInput label={t("search")} autoFocus value={query} onChange={(event) => setQuery(event.target.value)} />
        <ul className="mt-3 max-h-72 space-y-1 overflow-y-auto" aria-label={pickerEntry ? t(pickerEntry.picker) : undefined}>
          {candidates.map((principal) => {
            const blocker = picker ? blockerFor(picker, principal) : null;
            return (
              <li key={principal.id}>
                <button
                  type="button"
                  disabled={blocker !== null}
                  title={blocker ?? undefined}
                  aria-description={blocker ?? undefined}
                  onClick={() => {
                    if (!picker) return;
                    setUntil("");
                    setError(null);
                    setPending({ type: "give", kind: picker, principal });
                    setPicker(null);
                  }}
                  className="flex w-full items-center justify-between gap-3 rounded-md px-3 py-2 text-left hover:bg-gray-100 focus-visible:bg-gray-100 disabled:cursor-not-allowed disabled:opacity-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate text-sm text-gray-900">{principal.name}</span>
                    {principal.detail ? <span className="block truncate text-xs text-gray-500">{principal.detail}</span> : null}
                  </span>
                  <span className="shrink-0 text-right text-xs text-gray-500">
                    {principal.roleName ? t("currentRole", { role: principal.roleName }) : t("noRole")}
                    {principal.sets.length > 0 ? <span className="block">{ts("alsoHolds", { sets: principal.sets.map((held) => held.name).join(", ") })}</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        {candidates.length === 0 ? <p className="py-4 text-center text-sm text-gray-500">{t("nothingToAssign")}</p> : null}
      </Modal>

      <Modal
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title={pending?.type === "take" ? ts("takeTitle", { name: pending.principal.name, set: name }) : ts("giveTitle", { set: name })}
        description={pending ? (pending.type === "give" ? ts("giveBody", { name: pending.principal.name, set: name }) : ts("takeBody", { name: pending.principal.name, set: name })) : ""}
        footer={
          <>
            <Button onClick={() => setPending(null)}>{tc("cancel")}</Button>
            <Button variant="primary" onClick={confirm} disabled={working}>{tc("confirm")}</Button>
          </>
        }
      >
        {pending?.type === "give" ? (
          <div className="mb-3">
            <label htmlFor="set-assignment-until" className="block text-sm font-medium text-gray-900">{t("until")}</label>
            <p id="set-assignment-until-help" className="text-xs text-gray-500">{ts("untilHelp", { name: pending.principal.name, set: name })}</p>
            <input
              id="set-assignment-until"
              type="datetime-local"
              value={until}
              onChange={(event) => setUntil(event.target.value)}
              aria-describedby="set-assignment-until-help"
              className="mt-1 block rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
            />
          </div>
        ) : null}
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      </Modal>
    </div>
  );
}
