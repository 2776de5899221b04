"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ChevronRight, Trash2 } from "lucide-react";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "@/lib/permissions";
import type { RoleDraft } from "@/lib/roles/draft";
import { addObjectRule, baselineValue, removeObjectRule, ruleOverride, setBaseline, toggleKey } from "@/lib/roles/draft-edits";
import { SwitchRow } from "@/components/ui/switch-row";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { EditorObject, FieldErrors } from "./types";

interface PermissionsTabProps {
  draft: RoleDraft;
  update: (edit: (draft: RoleDraft) => RoleDraft) => void;
  objects: EditorObject[];
  errorFor: FieldErrors;
  readOnly: boolean;
  onOpenObject: (object: string) => void;
}

function Section({ id, title, description, children }: { id: string; title?: string; description?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={title ? id : undefined} className="rounded-lg border border-gray-200 bg-white">
      {title ? (
        <header className="border-b border-gray-100 px-4 py-3">
          <h3 id={id} className="text-sm font-semibold text-gray-900">{title}</h3>
          {description ? <p className="mt-0.5 text-xs text-gray-500">{description}</p> : null}
        </header>
      ) : null}
      <div className="divide-y divide-gray-100 px-4">{children}</div>
    </section>
  );
}

export function PermissionsTab({ draft, update, objects, errorFor, readOnly, onOpenObject }: PermissionsTabProps) {
  const t = useTranslations("roles");
  const tp = useTranslations("permissions");
  const [picking, setPicking] = useState(false);
  const objectLabel = (name: string) => objects.find((object) => object.name === name)?.labelPlural ?? name;
  const available = objects.filter((object) => !draft.objectRules.some((rule) => rule.object === object.name));

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <h2 className="text-base font-semibold text-gray-900">{t("objects")}</h2>
        <Section id="all-objects" title={t("allObjects")} description={t("allObjectsHelp")}>
          {OBJECT_ACTIONS.map((action) => (
            <SwitchRow
              key={action}
              id={`baseline-${action}`}
              label={t(`baseline.${action}`)}
              description={t(`baselineHelp.${action}`)}
              checked={baselineValue(draft, action)}
              disabled={readOnly}
              error={errorFor(`baseline.${action}`)}
              onCheckedChange={(value) => update((current) => setBaseline(current, action, value))}
            />
          ))}
        </Section>

        <section aria-labelledby="object-level" className="rounded-lg border border-gray-200 bg-white">
          <header className="flex items-start justify-between gap-4 border-b border-gray-100 px-4 py-3">
            <div>
              <h3 id="object-level" className="text-sm font-semibold text-gray-900">{t("objectLevel")}</h3>
              <p className="mt-0.5 text-xs text-gray-500">{t("objectLevelHelp")}</p>
            </div>
            {readOnly ? null : (
              <Button onClick={() => setPicking(true)} disabled={available.length === 0} title={available.length === 0 ? t("allObjectsHaveRules") : undefined}>
                {t("addRule")}
              </Button>
            )}
          </header>
          {draft.objectRules.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-gray-500">{t("noObjectRules")}</p>
          ) : (
            <ul className="divide-y divide-gray-100">
              {draft.objectRules.map((rule) => {
                const overrides = OBJECT_ACTIONS.filter((action) => ruleOverride(rule, action) !== null).length;
                const fieldRules = draft.fieldRules.filter((fieldRule) => fieldRule.object === rule.object).length;
                const error = errorFor(`object.${rule.object}`) ?? errorFor(`field.${rule.object}`);
                return (
                  <li key={rule.object} className="flex items-center gap-3 px-4 py-2.5">
                    <button
                      type="button"
                      onClick={() => onOpenObject(rule.object)}
                      aria-label={t("editRule", { object: objectLabel(rule.object) })}
                      className="flex min-w-0 flex-1 items-center justify-between gap-3 rounded-md px-1 py-1 text-left hover:bg-gray-50"
                    >
                      <span>
                        <span className="block text-sm font-medium text-gray-900">{objectLabel(rule.object)}</span>
                        <span className="block text-xs text-gray-500">{t("ruleSummary", { overrides, fields: fieldRules })}</span>
                        {error ? <span role="alert" className="block text-xs text-red-700">{error}</span> : null}
                      </span>
                      <ChevronRight aria-hidden className="size-4 text-gray-400" />
                    </button>
                    {readOnly ? null : (
                      <Button variant="ghost" aria-label={t("removeRule", { object: objectLabel(rule.object) })} onClick={() => update((current) => removeObjectRule(current, rule.object))}>
                        <Trash2 aria-hidden className="size-4" />
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <KeyedPermissionGroup group="settings" keys={SETTINGS_PERMISSIONS} {...{ draft, update, errorFor, readOnly }} />
      <KeyedPermissionGroup group="actions" keys={ACTION_PERMISSIONS} {...{ draft, update, errorFor, readOnly }} />

      <Modal open={picking} onOpenChange={setPicking} title={t("addRuleTitle")} description={t("addRuleHelp")} closeLabel={t("cancel")}>
        <ul className="max-h-72 space-y-1 overflow-y-auto">
          {available.map((object) => (
            <li key={object.name}>
              <button
                type="button"
                className="w-full rounded-md px-3 py-2 text-left text-sm text-gray-900 hover:bg-gray-100 focus-visible:bg-gray-100"
                onClick={() => {
                  update((current) => addObjectRule(current, object.name));
                  setPicking(false);
                  onOpenObject(object.name);
                }}
              >
                {object.labelPlural}
              </button>
            </li>
          ))}
        </ul>
      </Modal>
    </div>
  );
}

/** The settings or actions group: an "all access" switch above one switch per key. */
function KeyedPermissionGroup({
  group,
  keys,
  draft,
  update,
  errorFor,
  readOnly,
}: {
  group: "settings" | "actions";
  keys: readonly string[];
  draft: RoleDraft;
  update: PermissionsTabProps["update"];
  errorFor: FieldErrors;
  readOnly: boolean;
}) {
  const t = useTranslations("roles");
  const tp = useTranslations("permissions");
  const allKey = group === "settings" ? "settingsAllAccess" : "actionsAllAccess";
  const singular = group === "settings" ? "setting" : "action";
  const allAccess = draft[allKey];
  return (
    <div className="space-y-4">
      <h2 className="text-base font-semibold text-gray-900">{t(`${group}Section`)}</h2>
      <Section id={group === "settings" ? "settings-permissions" : "action-permissions"}>
        <SwitchRow
          id={`${group}-all-access`}
          label={t(`${group}AllAccess`)}
          description={t(`${group}AllAccessHelp`)}
          checked={allAccess}
          disabled={readOnly}
          onCheckedChange={(value) => update((current) => ({ ...current, [allKey]: value }))}
        />
        {keys.map((key) => (
          <SwitchRow
            key={key}
            id={`${singular}-${key}`}
            label={tp(`${group}.${key}`)}
            description={t(`${group}Help.${key}`)}
            checked={allAccess || (draft[group] as readonly string[]).includes(key)}
            disabled={readOnly || allAccess}
            error={errorFor(`${group}.${key}`)}
            onCheckedChange={(value) => update((current) => ({ ...current, [group]: toggleKey(current[group] as string[], key, value) }))}
          />
        ))}
      </Section>
    </div>
  );
}
