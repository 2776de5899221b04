"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "@/lib/permissions";
import type { ActionError } from "@/lib/errors";
import type { StatementParams } from "@/lib/roles/guardrails";
import { createGuardrailAction, deleteGuardrailAction } from "@/app/settings/roles/guardrails/actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { useErrorMessage } from "@/components/ui/use-error-message";

interface Row {
  id: string;
  holds: boolean;
  /** The engine's English sentence for the deciding value (shown as a hint). */
  reason: string;
  params: StatementParams;
}

interface ObjectOption {
  name: string;
  label: string;
  fields: { name: string; label: string }[];
}

const selectClasses = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm disabled:bg-gray-100 disabled:text-gray-400";
const OBJECT_ACTION_LABELS = { see: "see", create: "create", edit: "edit", delete: "deleteRecords", destroy: "destroy" } as const;

/**
 * The Guardrails page's list and form. The server decides everything (validity, authority,
 * who may delete); the form only keeps its choices consistent: an object for record actions,
 * a field only for See and Edit.
 */
type Subject = { id: string; name: string; within: boolean };

export function GuardrailsManager({ rows, roles, members, objects, canDelete }: { rows: Row[]; roles: Subject[]; members: Subject[]; objects: ObjectOption[]; canDelete: boolean }) {
  const t = useTranslations("guardrails");
  const tp = useTranslations("permissions");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // "role:<id>" or "member:<id>" (SPEC §17: a guardrail may be about one member).
  const [subject, setSubject] = useState("");
  const [mode, setMode] = useState<"always" | "never">("never");
  const [action, setAction] = useState<string>("see");
  const [object, setObject] = useState("");
  const [field, setField] = useState("");
  const [errors, setErrors] = useState<ActionError[]>([]);

  const isObjectAction = (OBJECT_ACTIONS as readonly string[]).includes(action);
  const takesField = action === "see" || action === "edit";
  const fields = objects.find((candidate) => candidate.name === object)?.fields ?? [];
  const formError = errors.length > 0 ? errorMessage(errors[0]) : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setErrors([]);
    startTransition(async () => {
      const result = await createGuardrailAction({
        ...(subject.startsWith("member:") ? { memberId: subject.slice("member:".length) } : { roleId: subject.slice("role:".length) }),
        mode,
        action,
        object: isObjectAction ? object || null : null,
        field: isObjectAction && takesField ? field || null : null,
      });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      toast.success(t("added"));
      setField("");
      router.refresh();
    });
  };

  const remove = (id: string) => {
    startTransition(async () => {
      const result = await deleteGuardrailAction({ guardrailId: id });
      if (!result.ok) {
        toast.error(errorMessage(result.errors[0]));
        return;
      }
      toast.success(t("deleted"));
      router.refresh();
    });
  };

  return (
    <>
      <section aria-labelledby="all-guardrails" className="mt-8">
        <h2 id="all-guardrails" className="text-sm font-semibold text-gray-900">{t("listHeading")}</h2>
        {rows.length === 0 ? (
          <p className="mt-3 text-sm text-gray-600">{t("empty")}</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <thead className="border-b border-gray-200 text-xs text-gray-500">
              <tr>
                <th scope="col" className="py-2 font-medium">{t("statementColumn")}</th>
                <th scope="col" className="py-2 font-medium">{t("statusColumn")}</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("actionsColumn")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const statement = t("statement", row.params);
                return (
                  <tr key={row.id} className="border-b border-gray-100">
                    <td className="py-2 pr-4 text-gray-900">{statement}</td>
                    <td className="py-2 pr-4">
                      <span title={row.reason} className={row.holds ? "rounded bg-green-50 px-2 py-0.5 text-green-800" : "rounded bg-red-50 px-2 py-0.5 text-red-800"}>
                        {row.holds ? t("holds") : t("broken")}
                      </span>
                    </td>
                    <td className="py-2 text-right">
                      <Button
                        variant="ghost"
                        disabled={pending || !canDelete}
                        title={canDelete ? undefined : t("adminOnlyDelete")}
                        aria-label={t("deleteLabel", { statement })}
                        onClick={() => remove(row.id)}
                      >
                        {t("delete")}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {canDelete ? null : <p className="mt-2 text-xs text-gray-500">{t("adminOnlyDelete")}</p>}
      </section>

      <section aria-labelledby="add-guardrail" className="mt-10 border-t border-gray-200 pt-6">
        <h2 id="add-guardrail" className="text-sm font-semibold text-gray-900">{t("addHeading")}</h2>
        <form onSubmit={submit} aria-describedby="guardrail-error" className="mt-3 grid grid-cols-1 gap-4 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-5">
          <div className="text-sm font-medium text-gray-900">
            <label htmlFor="guardrail-role">{t("role")}</label>
            <select id="guardrail-role" required value={subject} onChange={(event) => setSubject(event.target.value)} className={selectClasses}>
              <option value="" disabled>{t("chooseRole")}</option>
              <optgroup label={t("roles")}>
                {roles.map((role) => (
                  <option key={role.id} value={`role:${role.id}`} disabled={!role.within}>{role.name}</option>
                ))}
              </optgroup>
              {members.length > 0 ? (
                <optgroup label={t("members")}>
                  {members.map((member) => (
                    <option key={member.id} value={`member:${member.id}`} disabled={!member.within}>{member.name}</option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
          <div className="text-sm font-medium text-gray-900">
            <label htmlFor="guardrail-mode">{t("mode")}</label>
            <select id="guardrail-mode" value={mode} onChange={(event) => setMode(event.target.value as "always" | "never")} className={selectClasses}>
              <option value="always">{t("mustAlways")}</option>
              <option value="never">{t("mustNever")}</option>
            </select>
          </div>
          <div className="text-sm font-medium text-gray-900">
            <label htmlFor="guardrail-action">{t("action")}</label>
            <select id="guardrail-action" value={action} onChange={(event) => setAction(event.target.value)} className={selectClasses}>
              <optgroup label={t("objectActions")}>
                {OBJECT_ACTIONS.map((key) => (
                  <option key={key} value={key}>{t(OBJECT_ACTION_LABELS[key])}</option>
                ))}
              </optgroup>
              <optgroup label={t("settingsGroup")}>
                {SETTINGS_PERMISSIONS.map((key) => (
                  <option key={key} value={key}>{tp(`settings.${key}`)}</option>
                ))}
              </optgroup>
              <optgroup label={t("actionsGroup")}>
                {ACTION_PERMISSIONS.map((key) => (
                  <option key={key} value={key}>{tp(`actions.${key}`)}</option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="text-sm font-medium text-gray-900">
            <label htmlFor="guardrail-object">{t("object")}</label>
            <select id="guardrail-object"
              required={isObjectAction}
              disabled={!isObjectAction}
              value={isObjectAction ? object : ""}
              onChange={(event) => {
                setObject(event.target.value);
                setField("");
              }}
              className={selectClasses}
            >
              <option value="" disabled={isObjectAction}>{isObjectAction ? t("chooseObject") : t("noObject")}</option>
              {objects.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>{candidate.label}</option>
              ))}
            </select>
          </div>
          <div className="text-sm font-medium text-gray-900">
            <label htmlFor="guardrail-field">{t("field")}</label>
            <select id="guardrail-field" disabled={!isObjectAction || !takesField || !object} value={takesField ? field : ""} onChange={(event) => setField(event.target.value)} className={selectClasses}>
              <option value="">{t("wholeObject")}</option>
              {fields.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>{candidate.label}</option>
              ))}
            </select>
          </div>
          <div className="sm:col-span-5">
            <Button type="submit" variant="primary" disabled={pending}>{t("add")}</Button>
            <FieldError id="guardrail-error" message={formError} />
          </div>
        </form>
      </section>
    </>
  );
}
