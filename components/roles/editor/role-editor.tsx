"use client";

import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Tabs } from "radix-ui";
import { ChevronRight, Info } from "lucide-react";
import { clsx } from "clsx";
import { resolvePermissions, type WorkspaceSchema } from "@/lib/permissions";
import { draftToDefinition, EMPTY_ROLE_DRAFT, EMPTY_SET_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { sameDraft } from "@/lib/roles/draft-edits";
import type { ActionError } from "@/lib/errors";
import { createRoleAction, updateRoleAction } from "@/app/settings/roles/actions";
import { createPermissionSetAction } from "@/app/settings/roles/permission-set-actions";
import { SetAssignmentTab } from "@/components/permission-sets/set-assignment-tab";
import { Button } from "@/components/ui/button";
import { RoleIcon } from "@/components/roles/role-icon";
import { RoleMenu } from "./role-menu";
import { PermissionsTab } from "./permissions-tab";
import { ObjectRuleView } from "./object-rule-view";
import { AssignmentTab } from "./assignment-tab";
import { SettingsTab } from "./settings-tab";
import { useFieldErrors } from "./use-field-errors";
import { useAuthorityHints } from "./use-authority-hints";
import { ImpactPanel } from "./impact-panel";
import { HistoryTab } from "./history-tab";
import { ViewAsButton } from "./view-as-button";
import { useUnsavedGuard } from "./use-unsaved-guard";
import type { RoleEditorProps } from "./types";
import { useErrorMessage } from "@/components/ui/use-error-message";

const TABS = ["permissions", "assignment", "settings", "history"] as const;
type Tab = (typeof TABS)[number];

/** Which tab shows a server error, so a failed save opens the tab with the offending control. */
function tabOf(field: string | undefined): Tab {
  return field === "name" || field === "description" || field === "icon" || field?.startsWith("assignableTo") ? "settings" : "permissions";
}

/**
 * The role page: everything is edited in memory and persisted only by Save (SPEC §2.4); the
 * object rule page is a view of the same draft, so Finish keeps its changes unsaved until Save.
 */
export function RoleEditor(props: RoleEditorProps) {
  const { role, objects } = props;
  const t = useTranslations("roles");
  const ts = useTranslations("permissionSets");
  const isSet = (role?.kind ?? props.kind ?? "role") === "set";
  // The texts that name what is saved: "Role saved" or "Permission set saved".
  const says = (key: "saved" | "created" | "saveFailed" | "newRole") => (isSet ? ts(key) : t(key));
  const blank = isSet ? EMPTY_SET_DRAFT : EMPTY_ROLE_DRAFT;
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const searchParams = useSearchParams();
  const [saved, setSaved] = useState<RoleDraft>(role?.draft ?? props.initialDraft ?? blank);
  const [draft, setDraft] = useState<RoleDraft>(saved);
  const [version, setVersion] = useState(role?.version ?? 0);
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [tab, setTab] = useState<Tab>(() => {
    const requested = searchParams.get("tab");
    return TABS.includes(requested as Tab) ? (requested as Tab) : "permissions";
  });
  const [openObject, setOpenObject] = useState<{ name: string; openedWith: RoleDraft } | null>(() => {
    const requested = searchParams.get("object");
    return requested && objects.some((object) => object.name === requested) ? { name: requested, openedWith: role?.draft ?? blank } : null;
  });
  const [saving, startSaving] = useTransition();
  const [leaving, setLeaving] = useState(false);

  const readOnly = role?.isAdmin ?? false;
  const dirty = !readOnly && !leaving && (role === null ? !sameDraft(draft, blank) : !sameDraft(draft, saved));
  const { dialog } = useUnsavedGuard(dirty);
  const serverErrorFor = useFieldErrors(errors);

  const schema: WorkspaceSchema = useMemo(
    () => ({ objects: objects.map((object) => ({ name: object.name, fields: object.fields.map((f) => ({ name: f.name, isLabel: f.isLabel, isSystem: f.isSystem })) })) }),
    [objects],
  );
  // The engine is pure, so the editor shows exactly what the server will enforce.
  const effective = useMemo(() => resolvePermissions(draftToDefinition(draft, readOnly), schema), [draft, readOnly, schema]);
  const savedEffective = useMemo(() => resolvePermissions(draftToDefinition(saved, readOnly), schema), [saved, readOnly, schema]);
  const authorityHintFor = useAuthorityHints(effective, draft, props.authority, objects);
  const errorFor = (field: string) => serverErrorFor(field) ?? authorityHintFor(field);

  const update = (edit: (current: RoleDraft) => RoleDraft) => {
    if (readOnly) return;
    setDraft((current) => edit(current));
  };

  const showObject = (name: string | null) => {
    setOpenObject(name ? { name, openedWith: draft } : null);
    const url = new URL(window.location.href);
    if (name) url.searchParams.set("object", name);
    else url.searchParams.delete("object");
    window.history.replaceState(null, "", url);
  };

  const save = () =>
    startSaving(async () => {
      setErrors([]);
      if (role === null) {
        const result = isSet ? await createPermissionSetAction(draft) : await createRoleAction(draft);
        if (!result.ok) return fail(result.errors);
        setLeaving(true);
        toast.success(says("created"));
        router.replace(`/settings/roles/${result.data.id}`);
        return;
      }
      const result = await updateRoleAction({ roleId: role.id, version, draft });
      if (!result.ok) return fail(result.errors);
      setVersion(result.data.version);
      setSaved(draft);
      toast.success(says("saved"));
      router.refresh();
    });

  const fail = (failed: ActionError[]) => {
    setErrors(failed);
    if (failed.some((error) => tabOf(error.field) === "settings") && !failed.some((error) => tabOf(error.field) === tab)) setTab("settings");
    toast.error(says("saveFailed"));
  };

  const cancel = () => {
    setErrors([]);
    if (role === null) {
      setLeaving(true);
      router.push("/settings/roles");
      return;
    }
    setDraft(saved);
    showObject(null);
  };

  const reload = () => {
    // Drop the unsaved-changes guard first: the user chose to take the latest version.
    flushSync(() => setLeaving(true));
    window.location.reload();
  };

  const openedObject = openObject ? objects.find((object) => object.name === openObject.name) : undefined;
  const conflict = errors.some((error) => error.code === "VERSION_CONFLICT");
  const title = draft.name.trim() || (role ? saved.name : says("newRole"));

  return (
    <div className="max-w-4xl">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-sm text-gray-500">
        <Link href="/settings/roles" className="hover:text-gray-800 hover:underline">{t("backToRoles")}</Link>
        <ChevronRight aria-hidden className="size-3.5" />
        <span aria-current="page" className="truncate text-gray-700">{title}</span>
      </nav>

      <div className="mt-3 flex flex-wrap items-center justify-between gap-4">
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-9 items-center justify-center rounded-md bg-gray-100 text-gray-700">
            <RoleIcon icon={draft.icon} className="size-5" />
          </span>
          <h1 className="truncate text-xl font-semibold text-gray-900">{title}</h1>
          {isSet ? <span className="shrink-0 rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-700">{ts("badge")}</span> : null}
        </div>
        <div className="flex gap-2">
          {role && !isSet ? <ViewAsButton roleId={role.id} sets={props.permissionSets} /> : null}
          {role ? <RoleMenu roleId={role.id} draft={saved} guardrails={role.guardrails} kind={role.kind} /> : null}
          {readOnly ? null : (
            <>
            <Button onClick={cancel} disabled={saving || (role !== null && !dirty)}>{t("cancel")}</Button>
            <Button variant="primary" onClick={save} disabled={saving || (role !== null && !dirty)}>{t("save")}</Button>
            </>
          )}
        </div>
      </div>

      {readOnly ? (
        <p className="mt-4 flex gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-gray-800">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
          {t("adminReadOnly")}
        </p>
      ) : null}

      {role && dirty ? (
        <div className="mt-4">
          <ImpactPanel role={role} saved={savedEffective} draft={effective} principals={props.principals} objects={objects} />
        </div>
      ) : null}

      {errors.length > 0 ? (
        <div role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {conflict ? (
            <div className="flex items-center justify-between gap-3">
              <span>{errorMessage({ code: "VERSION_CONFLICT" })}</span>
              <Button onClick={reload}>{t("reload")}</Button>
            </div>
          ) : (
            <>
              <p className="font-medium">{t("errorSummary")}</p>
              <ul className="mt-1 list-disc pl-5">
                {[...new Set(errors.map((error) => errorMessage(error)))].map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}

      <Tabs.Root value={tab} onValueChange={(value) => { setTab(value as Tab); showObject(null); }} className="mt-6">
        <Tabs.List aria-label={title} className="flex gap-1 border-b border-gray-200">
          {TABS.map((value) => (
            <Tabs.Trigger
              key={value}
              value={value}
              className={clsx(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                "data-[state=active]:border-brand-600 data-[state=active]:text-gray-900 data-[state=inactive]:border-transparent data-[state=inactive]:text-gray-600 hover:text-gray-900",
              )}
            >
              {t(`tabs.${value}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>

        <Tabs.Content value="permissions" className="pt-6 focus:outline-none">
          {openedObject && openObject ? (
            <ObjectRuleView
              object={openedObject}
              draft={draft}
              openedWith={openObject.openedWith}
              effective={effective}
              update={update}
              errorFor={errorFor}
              readOnly={readOnly}
              onFinish={() => showObject(null)}
              members={props.principals.members}
            />
          ) : (
            <PermissionsTab draft={draft} update={update} objects={objects} errorFor={errorFor} readOnly={readOnly} onOpenObject={showObject} />
          )}
        </Tabs.Content>
        <Tabs.Content value="assignment" className="pt-6 focus:outline-none">
          {role && isSet ? (
            <SetAssignmentTab set={{ ...role, draft: saved }} principals={props.principals} actorMemberId={props.actorMemberId} authority={props.authority} />
          ) : role ? (
            <AssignmentTab {...props} role={{ ...role, draft: saved }} />
          ) : (
            <p className="text-sm text-gray-600">{isSet ? ts("assignment.saveFirst") : t("assignment.saveFirst")}</p>
          )}
        </Tabs.Content>
        <Tabs.Content value="settings" className="pt-6 focus:outline-none">
          <SettingsTab role={role} kind={isSet ? "set" : "role"} draft={draft} update={update} errorFor={errorFor} readOnly={readOnly} defaultRoleName={props.defaultRole.name} onDeleted={() => setLeaving(true)} />
        </Tabs.Content>
        <Tabs.Content value="history" className="pt-6 focus:outline-none">
          {role ? <HistoryTab role={role} history={props.history ?? []} objects={objects} schema={schema} dirty={dirty} /> : <p className="text-sm text-gray-600">{t("history.empty")}</p>}
        </Tabs.Content>
      </Tabs.Root>
      {dialog}
    </div>
  );
}
