"use client";

import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import Link from "next/link";
import { Bot, KeyRound, ShieldCheck, User } from "lucide-react";
import { matchesSearch } from "@/lib/roles/search-key";
import { SearchInput } from "@/components/ui/search-input";
import { canAssignRole, type PrincipalKind } from "@/lib/permissions";
import type { Assignee } from "@/lib/roles/assignees";
import { assignRoleAction, unassignRoleAction } from "@/app/settings/roles/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { Tooltip } from "@/components/ui/tooltip";
import type { EditorRole, RoleEditorProps } from "./types";
import { useErrorMessage } from "@/components/ui/use-error-message";

type Props = Pick<RoleEditorProps, "principals" | "adminMemberCount" | "actorMemberId" | "defaultRole" | "authority"> & { role: EditorRole };

const KINDS = [
  { kind: "member", list: "members", icon: User, section: "members", button: "assignMember", empty: "noMembers", picker: "pickerTitleMember" },
  { kind: "apiKey", list: "apiKeys", icon: KeyRound, section: "apiKeys", button: "assignApiKey", empty: "noApiKeys", picker: "pickerTitleApiKey" },
  { kind: "agent", list: "agents", icon: Bot, section: "agents", button: "assignAgent", empty: "noAgents", picker: "pickerTitleAgent" },
] as const;

type Pending = { type: "assign" | "unassign"; kind: PrincipalKind; principal: Assignee };


export function AssignmentTab({ role, principals, adminMemberCount, actorMemberId, defaultRole, authority }: Props) {
  const t = useTranslations("roles.assignment");
  const errorMessage = useErrorMessage();
  const tc = useTranslations("common");
  const ti = useTranslations("inspect");
  const router = useRouter();
  const [picker, setPicker] = useState<PrincipalKind | null>(null);
  const [query, setQuery] = useState("");
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [until, setUntil] = useState("");
  const format = useFormatter();
  const [working, startWork] = useTransition();
  const saved = role.draft;

  // SPEC §11, as the server will judge it: a principal moves only between roles within the
  // actor's authority (no role: the default role's), and only Admins touch Admin.
  const beyondAuthority = errorMessage({ code: "EXCEEDS_AUTHORITY", params: { kind: "none", action: "", object: "", field: "", key: "" } });
  const authorityBlocker = (roleId: string | null): string | null => {
    if (!authority) return null;
    const effectiveRoleId = roleId ?? defaultRole.id;
    if (authority.adminRoleIds.includes(effectiveRoleId)) return errorMessage({ code: "ADMIN_ONLY" });
    return authority.withinRoleIds.includes(effectiveRoleId) ? null : beyondAuthority;
  };
  const assignBlocker = authorityBlocker(role.id);
  // SPEC §16: when an assignment ends, its holder falls back to the default role (a key or agent: no role, the same).
  const untilBlocker = authorityBlocker(null) ? t("untilBeyond", { role: defaultRole.name }) : null;

  const unassignBlocker = (kind: PrincipalKind, principal: Assignee): string | null => {
    const blocker = authorityBlocker(role.id) ?? authorityBlocker(kind === "member" ? defaultRole.id : null);
    if (blocker) return blocker;
    if (kind !== "member") return null;
    if (role.isAdmin && adminMemberCount <= 1) return t("lastAdmin");
    if (principal.id === actorMemberId) return t("ownRole");
    if (role.id === defaultRole.id) return t("defaultRoleMembers");
    return null;
  };

  const pickerEntry = KINDS.find((entry) => entry.kind === picker);
  const candidates = useMemo(() => {
    if (!pickerEntry) return [];
    return principals[pickerEntry.list].filter((principal) => principal.roleId !== role.id && matchesSearch(query, principal.name, principal.detail));
  }, [pickerEntry, principals, query, role.id]);

  const confirm = () =>
    startWork(async () => {
      if (!pending) return;
      const input = { roleId: role.id, target: { kind: pending.kind, id: pending.principal.id } };
      // A datetime-local value is the reader's local time; the server gets the instant.
      const untilInstant = until && !untilBlocker ? new Date(until).toISOString() : null;
      const result = pending.type === "assign" ? await assignRoleAction({ ...input, until: untilInstant }) : await unassignRoleAction(input);
      if (!result.ok) {
        const [first] = result.errors;
        setError(first.field === "until" && first.code === "VALIDATION_FAILED" ? t("untilInvalid") : errorMessage(first));
        return;
      }
      toast.success(pending.type === "assign" ? t("assigned", { name: pending.principal.name, role: saved.name }) : t("unassigned", { name: pending.principal.name }));
      setPending(null);
      router.refresh();
    });

  const confirmText = () => {
    if (!pending) return "";
    const { principal } = pending;
    if (pending.type === "assign") {
      return principal.roleName
        ? t("confirmBody", { name: principal.name, from: principal.roleName, role: saved.name })
        : t("confirmBodyNoRole", { name: principal.name, role: saved.name });
    }
    return pending.kind === "member" ? t("confirmUnassignMember", { name: principal.name, role: defaultRole.name }) : t("confirmUnassignOther", { name: principal.name });
  };

  return (
    <div className="space-y-6">
      {KINDS.map((entry) => {
        const holders = principals[entry.list].filter((principal) => principal.roleId === role.id);
        const allowed = canAssignRole({ ...saved, isAdmin: role.isAdmin }, entry.kind);
        const Icon = entry.icon;
        return (
          <section key={entry.kind} aria-labelledby={`assignment-${entry.kind}`} className="rounded-lg border border-gray-200 bg-white">
            <header className="flex items-center justify-between gap-4 border-b border-gray-100 px-4 py-3">
              <h2 id={`assignment-${entry.kind}`} className="text-sm font-semibold text-gray-900">
                {t(entry.section)} <span className="font-normal text-gray-500">({holders.length})</span>
              </h2>
              {allowed && assignBlocker ? (
                <Tooltip content={assignBlocker}>
                  <Button aria-disabled className="cursor-not-allowed text-gray-400 hover:bg-transparent" aria-description={assignBlocker}>
                    {t(entry.button)}
                  </Button>
                </Tooltip>
              ) : allowed ? (
                <Button onClick={() => { setQuery(""); setError(null); setPicker(entry.kind); }}>{t(entry.button)}</Button>
              ) : (
                <p className="text-xs text-gray-500">{role.isAdmin && entry.kind === "agent" ? t("adminNotForAgents") : t("notAssignable", { kind: t(entry.section) })}</p>
              )}
            </header>
            {holders.length === 0 ? (
              <p className="px-4 py-5 text-center text-sm text-gray-500">{t(entry.empty)}</p>
            ) : (
              <ul className="divide-y divide-gray-100">
                {holders.map((principal) => {
                  const blocker = unassignBlocker(entry.kind, principal);
                  const button = (
                    <Button
                      variant="ghost"
                      aria-label={t("unassignNamed", { name: principal.name })}
                      aria-disabled={blocker ? true : undefined}
                      className={blocker ? "cursor-not-allowed text-gray-400 hover:bg-transparent" : undefined}
                      onClick={() => {
                        if (blocker) return;
                        setError(null);
                        setPending({ type: "unassign", kind: entry.kind, principal });
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
                        {principal.detail ? <span className="block truncate text-xs text-gray-500">{principal.detail}</span> : null}
                        {principal.until ? (
                          <span className="block text-xs text-amber-700">{t("holderUntil", { date: format.dateTime(new Date(principal.until), { dateStyle: "medium", timeStyle: "short" }) })}</span>
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
            const self = picker === "member" && principal.id === actorMemberId;
            const blocker = self ? t("ownRole") : authorityBlocker(principal.roleId);
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
                    setPending({ type: "assign", kind: picker, principal });
                    setPicker(null);
                  }}
                  className="flex w-full items-center justify-between gap-3 rounded-md px-3 py-2 text-left hover:bg-gray-100 focus-visible:bg-gray-100 disabled:cursor-not-allowed disabled:opacity-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate text-sm text-gray-900">{principal.name}</span>
                    {principal.detail ? <span className="block truncate text-xs text-gray-500">{principal.detail}</span> : null}
                  </span>
                  <span className="shrink-0 text-xs text-gray-500">{principal.roleName ? t("currentRole", { role: principal.roleName }) : t("noRole")}</span>
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
        title={pending?.type === "unassign" ? t("confirmUnassignTitle", { name: pending.principal.name }) : t("confirmTitle", { role: saved.name })}
        description={confirmText()}
       
        footer={
          <>
            <Button onClick={() => setPending(null)}>{tc("cancel")}</Button>
            <Button variant="primary" onClick={confirm} disabled={working}>{tc("confirm")}</Button>
          </>
        }
      >
        {pending?.type === "assign" ? (
          <div className="mb-3">
            <label htmlFor="assignment-until" className="block text-sm font-medium text-gray-900">{t("until")}</label>
            <p id="assignment-until-help" className="text-xs text-gray-500">{untilBlocker ?? (pending.kind === "member" ? t("untilHelpMember", { role: defaultRole.name }) : t("untilHelpOther"))}</p>
            <input
              id="assignment-until"
              type="datetime-local"
              value={untilBlocker ? "" : until}
              disabled={untilBlocker !== null}
              onChange={(event) => setUntil(event.target.value)}
              aria-describedby="assignment-until-help"
              className="mt-1 block rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
            />
          </div>
        ) : null}
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      </Modal>
    </div>
  );
}
