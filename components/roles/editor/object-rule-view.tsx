"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { ArrowLeft, RotateCcw, X } from "lucide-react";
import { matchesSearch } from "@/lib/roles/search-key";
import { SearchInput } from "@/components/ui/search-input";
import { clsx } from "clsx";
import { OBJECT_ACTIONS, type EffectivePermissions, type ObjectAction } from "@/lib/permissions";
import type { RoleDraft } from "@/lib/roles/draft";
import { fieldRuleAccess, findObjectRule, ruleOverride, sameDraft, restoreObject, setFieldAccess, setObjectRuleSwitch, type FieldAccess } from "@/lib/roles/draft-edits";
import { SwitchRow } from "@/components/ui/switch-row";
import { Button } from "@/components/ui/button";
import { PermissionMark } from "@/components/ui/permission-mark";
import type { EditorObject, FieldErrors } from "./types";
import { RecordRuleSection } from "./record-rule-section";

interface ObjectRuleViewProps {
  object: EditorObject;
  draft: RoleDraft;
  /** The draft as it was when this page opened: what Revert goes back to. */
  openedWith: RoleDraft;
  effective: EffectivePermissions;
  update: (edit: (draft: RoleDraft) => RoleDraft) => void;
  errorFor: FieldErrors;
  readOnly: boolean;
  onFinish: () => void;
  /** For `Owner is …` conditions: the workspace's members (besides Me). */
  members: readonly { id: string; name: string }[];
}

function SourceBadge({ overridden, label }: { overridden: boolean; label: string }) {
  return (
    <span className={clsx("rounded px-1.5 py-0.5 text-[11px] font-medium", overridden ? "bg-amber-50 text-amber-800" : "bg-gray-100 text-gray-600")}>{label}</span>
  );
}


export function ObjectRuleView({ object, draft, openedWith, effective, update, errorFor, readOnly, onFinish, members }: ObjectRuleViewProps) {
  const t = useTranslations("roles.objectRule");
  const tt = useTranslations("dataTypes");
  const [query, setQuery] = useState("");
  const rule = findObjectRule(draft, object.name);
  const objectPermissions = effective.objects[object.name];
  const changed = !sameDraft(restoreObject(draft, openedWith, object.name), draft);
  const fields = useMemo(() => {
    return object.fields.filter((field) => matchesSearch(query, field.label, field.name));
  }, [object.fields, query]);

  const switchLabel = (action: ObjectAction) => t(`switches.${action}`);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Button variant="ghost" onClick={onFinish} aria-label={t("back")}>
            <ArrowLeft aria-hidden className="size-4" />
          </Button>
          <h2 className="text-base font-semibold text-gray-900">{object.labelPlural}</h2>
        </div>
        <div className="flex gap-2">
          {readOnly ? null : (
            <Button onClick={() => update((current) => restoreObject(current, openedWith, object.name))} disabled={!changed} aria-label={t("revert")} title={t("revert")}>
              <RotateCcw aria-hidden className={clsx("size-4", changed && "text-amber-600")} />
            </Button>
          )}
          <Button variant="primary" onClick={onFinish}>
            {t("finish")}
          </Button>
        </div>
      </div>
      <p className="text-sm text-gray-600">{t("intro", { object: object.labelPlural })}</p>

      <section aria-label={object.labelPlural} className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white px-4">
        {OBJECT_ACTIONS.map((action) => {
          const overridden = ruleOverride(rule, action) !== null;
          return (
            <SwitchRow
              key={action}
              id={`rule-${object.name}-${action}`}
              label={switchLabel(action)}
              checked={objectPermissions[action].value}
              disabled={readOnly}
              error={errorFor(`object.${object.name}.${action}`)}
              onCheckedChange={(value) => update((current) => setObjectRuleSwitch(current, object.name, action, value))}
              adornment={
                <>
                  <SourceBadge overridden={overridden} label={overridden ? t("overridden") : t("inherited")} />
                  {overridden && !readOnly ? (
                    <button
                      type="button"
                      aria-label={t("removeOverride", { permission: switchLabel(action) })}
                      title={t("removeOverride", { permission: switchLabel(action) })}
                      onClick={() => update((current) => setObjectRuleSwitch(current, object.name, action, null))}
                      className="rounded p-0.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
                    >
                      <X aria-hidden className="size-3.5" />
                    </button>
                  ) : null}
                </>
              }
            />
          );
        })}
      </section>

      <RecordRuleSection object={object} draft={draft} effective={effective} update={update} errorFor={errorFor} readOnly={readOnly} members={members} />

      <section aria-labelledby="field-permissions" className="rounded-lg border border-gray-200 bg-white">
        <header className="flex flex-wrap items-end justify-between gap-3 border-b border-gray-100 px-4 py-3">
          <div>
            <h3 id="field-permissions" className="text-sm font-semibold text-gray-900">{t("fields")}</h3>
            <p className="mt-0.5 text-xs text-gray-500">{t("fieldsHelp")}</p>
          </div>
          <SearchInput label={t("searchField")} value={query} onChange={(event) => setQuery(event.target.value)} className="w-56" />
        </header>
        {!objectPermissions.see.value ? <p className="px-4 pt-3 text-sm text-gray-600">{t("hiddenObject", { object: object.labelPlural })}</p> : null}
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-gray-100 text-left text-xs text-gray-500">
              <th scope="col" className="px-4 py-2 font-medium">{t("name")}</th>
              <th scope="col" className="py-2 font-medium">{t("dataType")}</th>
              <th scope="col" className="w-16 py-2 text-center font-medium">{t("see")}</th>
              <th scope="col" className="w-16 py-2 text-center font-medium">{t("edit")}</th>
              <th scope="col" className="w-64 py-2 pr-4 font-medium">
                <span className="sr-only">{t("access")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const permissions = objectPermissions.fields[field.name];
              const fieldRule = draft.fieldRules.find((candidate) => candidate.object === object.name && candidate.field === field.name);
              const override = fieldRuleAccess(fieldRule);
              const effectiveAccess: FieldAccess = permissions.edit.value ? "edit" : permissions.see.value ? "see" : "none";
              const error = errorFor(`field.${object.name}.${field.name}`);
              const selectId = `field-access-${object.name}-${field.name}`;
              return (
                <tr key={field.name} className="border-b border-gray-50 last:border-0">
                  <th scope="row" className="px-4 py-2 text-left font-normal text-gray-900">
                    {field.label}
                    {error ? <span role="alert" id={`${selectId}-error`} className="block text-xs text-red-700">{error}</span> : null}
                  </th>
                  <td className="py-2 text-gray-600">{tt(field.type as "TEXT")}</td>
                  <td className="py-2 text-center"><PermissionMark allowed={permissions.see.value} label={permissions.see.value ? t("yes") : t("no")} /></td>
                  <td className="py-2 text-center"><PermissionMark allowed={permissions.edit.value} label={permissions.edit.value ? t("yes") : t("no")} /></td>
                  <td className="py-2 pr-4">
                    {permissions.restrictable ? (
                      <div className="flex items-center gap-2">
                        <select
                          id={selectId}
                          aria-label={t("accessFor", { field: field.label })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${selectId}-error` : undefined}
                          value={override ?? effectiveAccess}
                          disabled={readOnly || !objectPermissions.see.value}
                          onChange={(event) => update((current) => setFieldAccess(current, object.name, field.name, event.target.value as FieldAccess))}
                          className={clsx(
                            "rounded-md border px-2 py-1 text-sm",
                            override ? "border-amber-300 bg-amber-50 text-gray-900" : "border-gray-300 bg-white text-gray-600",
                          )}
                        >
                          <option value="see">{t("seeField")}</option>
                          <option value="edit">{t("editField")}</option>
                          <option value="none">{t("noAccess")}</option>
                        </select>
                        <SourceBadge overridden={override !== null} label={override !== null ? t("overridden") : t("inherited")} />
                        {override !== null && !readOnly ? (
                          <button
                            type="button"
                            aria-label={t("resetField", { field: field.label })}
                            title={t("resetField", { field: field.label })}
                            onClick={() => update((current) => setFieldAccess(current, object.name, field.name, null))}
                            className="rounded p-0.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
                          >
                            <X aria-hidden className="size-3.5" />
                          </button>
                        ) : null}
                      </div>
                    ) : (
                      <span className="text-xs text-gray-500" title={t("notRestrictableHelp")}>{t("notRestrictable")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {fields.length === 0 ? <p className="px-4 py-6 text-center text-sm text-gray-500">{t("noFields")}</p> : null}
      </section>
    </div>
  );
}
