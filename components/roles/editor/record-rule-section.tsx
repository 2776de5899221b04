"use client";

import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { clsx } from "clsx";
import { OPERATORS_BY_VALUE_TYPE, isMeValue, type EffectivePermissions, type RecordRuleOperator } from "@/lib/permissions";
import { FIELD_TYPES, RULE_VALUE_TYPE, type FieldType } from "@/lib/metadata/standard-objects";
import type { RoleDraft, ObjectRuleDraft } from "@/lib/roles/draft";
import { findObjectRule, setRecordRule } from "@/lib/roles/draft-edits";
import { Button } from "@/components/ui/button";
import { RuleReach } from "./rule-reach";
import type { EditorField, EditorObject, FieldErrors } from "./types";

type MatchRule = Extract<NonNullable<ObjectRuleDraft["recordRule"]>, { mode: "match" }>;
type ConditionDraft = MatchRule["conditions"][number];

function valueTypeOf(field: EditorField) {
  return RULE_VALUE_TYPE[(FIELD_TYPES as readonly string[]).includes(field.type) ? (field.type as FieldType) : "TEXT"];
}

const NO_VALUE = new Set<RecordRuleOperator>(["isEmpty", "isNotEmpty"]);

function defaultCondition(field: EditorField, memberId: string | null): ConditionDraft {
  const type = valueTypeOf(field);
  const operator = OPERATORS_BY_VALUE_TYPE[type][0];
  if (type === "member") return { field: field.name, operator, value: { me: true } };
  if (type === "boolean") return { field: field.name, operator, value: true };
  if (type === "number") return { field: field.name, operator, value: 0 };
  return { field: field.name, operator, value: memberId ?? "" };
}

/** Text of an `in` list or a scalar, as the value input shows it. */
function valueText(value: ConditionDraft["value"]): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value === null || value === undefined || isMeValue(value)) return "";
  return String(value);
}

function parseValue(type: string, operator: RecordRuleOperator, text: string): ConditionDraft["value"] {
  const scalar = (part: string) => (type === "number" ? Number(part) : part);
  if (operator === "in") {
    return text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map(scalar);
  }
  return type === "number" ? (text.trim() === "" ? Number.NaN : Number(text)) : text;
}

export function RecordRuleSection({
  object,
  draft,
  effective,
  update,
  errorFor,
  readOnly,
  members,
}: {
  object: EditorObject;
  draft: RoleDraft;
  effective: EffectivePermissions;
  update: (edit: (draft: RoleDraft) => RoleDraft) => void;
  errorFor: FieldErrors;
  readOnly: boolean;
  members: readonly { id: string; name: string }[];
}) {
  const t = useTranslations("roles.objectRule.recordLevel");
  const rule = findObjectRule(draft, object.name)?.recordRule;
  const match: MatchRule | null = rule && rule.mode === "match" ? rule : null;
  const objectPermissions = effective.objects[object.name];
  // Conditions only on fields the role sees (the server refuses others): ids and timestamps excluded.
  const fields = object.fields.filter((field) => !field.isSystem && objectPermissions?.fields[field.name]?.see.value);
  const setMatch = (next: MatchRule | null) => update((current) => setRecordRule(current, object.name, next));
  const setCondition = (index: number, condition: ConditionDraft) =>
    match && setMatch({ ...match, conditions: match.conditions.map((candidate, at) => (at === index ? condition : candidate)) });
  const ruleError = errorFor(`record.${object.name}`);

  return (
    <section aria-labelledby="record-level" className="rounded-lg border border-gray-200 bg-white px-4 py-3">
      <h3 id="record-level" className="text-sm font-semibold text-gray-900">{t("title")}</h3>
      <p className="mt-0.5 text-xs text-gray-500">{t("help", { object: object.labelPlural })}</p>
      <div role="radiogroup" aria-labelledby="record-level" className="mt-3 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name={`record-mode-${object.name}`} checked={!match} disabled={readOnly} onChange={() => setMatch(null)} />
          {t("all")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`record-mode-${object.name}`}
            checked={match !== null}
            disabled={readOnly || fields.length === 0}
            onChange={() => fields[0] && setMatch({ mode: "match", join: "all", conditions: [defaultCondition(fields[0], null)] })}
          />
          {t("match")}
        </label>
      </div>
      {ruleError ? <p role="alert" className="mt-2 text-xs text-red-700">{ruleError}</p> : null}

      {match ? (
        <div className="mt-3 space-y-3">
          <label className="flex items-center gap-2 text-sm text-gray-700">
            {t("join")}
            <select
              value={match.join}
              disabled={readOnly}
              onChange={(event) => setMatch({ ...match, join: event.target.value as "all" | "any" })}
              className="rounded-md border border-gray-300 px-2 py-1 text-sm"
            >
              <option value="all">{t("joinAll")}</option>
              <option value="any">{t("joinAny")}</option>
            </select>
          </label>
          <ol className="space-y-2">
            {match.conditions.map((condition, index) => {
              const field = fields.find((candidate) => candidate.name === condition.field) ?? object.fields.find((candidate) => candidate.name === condition.field);
              const type = field ? valueTypeOf(field) : "text";
              const operators = OPERATORS_BY_VALUE_TYPE[type];
              const error = errorFor(`record.${object.name}.${index}`);
              const number = index + 1;
              return (
                <li key={index} className="flex flex-wrap items-center gap-2" aria-label={t("condition", { number })}>
                  <select
                    aria-label={t("field", { number })}
                    value={condition.field}
                    disabled={readOnly}
                    onChange={(event) => {
                      const next = fields.find((candidate) => candidate.name === event.target.value);
                      if (next) setCondition(index, defaultCondition(next, null));
                    }}
                    className="rounded-md border border-gray-300 px-2 py-1 text-sm"
                  >
                    {field && !fields.includes(field) ? <option value={field.name}>{field.label}</option> : null}
                    {fields.map((candidate) => (
                      <option key={candidate.name} value={candidate.name}>{candidate.label}</option>
                    ))}
                  </select>
                  <select
                    aria-label={t("operator", { number })}
                    value={condition.operator}
                    disabled={readOnly}
                    onChange={(event) => {
                      const operator = event.target.value as RecordRuleOperator;
                      const { value: _value, ...rest } = condition;
                      if (NO_VALUE.has(operator)) return setCondition(index, { ...rest, operator });
                      const keepsMe = isMeValue(condition.value) && (operator === "eq" || operator === "neq");
                      const value = keepsMe ? condition.value : parseValue(type, operator, valueText(condition.value));
                      setCondition(index, { ...rest, operator, value: type === "member" && operator !== "in" && !keepsMe ? { me: true } : value });
                    }}
                    className="rounded-md border border-gray-300 px-2 py-1 text-sm"
                  >
                    {operators.map((operator) => (
                      <option key={operator} value={operator}>{t(`operators.${operator}`)}</option>
                    ))}
                  </select>
                  {NO_VALUE.has(condition.operator) ? null : type === "member" && condition.operator !== "in" ? (
                    <select
                      aria-label={t("value", { number })}
                      value={isMeValue(condition.value) ? "__me__" : valueText(condition.value)}
                      disabled={readOnly}
                      onChange={(event) => setCondition(index, { ...condition, value: event.target.value === "__me__" ? { me: true } : event.target.value })}
                      className="rounded-md border border-gray-300 px-2 py-1 text-sm"
                    >
                      <option value="__me__">{t("me")}</option>
                      {members.map((member) => (
                        <option key={member.id} value={member.id}>{member.name}</option>
                      ))}
                    </select>
                  ) : type === "boolean" ? (
                    <select
                      aria-label={t("value", { number })}
                      value={String(condition.value === true)}
                      disabled={readOnly}
                      onChange={(event) => setCondition(index, { ...condition, value: event.target.value === "true" })}
                      className="rounded-md border border-gray-300 px-2 py-1 text-sm"
                    >
                      <option value="true">{t("yes")}</option>
                      <option value="false">{t("no")}</option>
                    </select>
                  ) : (
                    <input
                      aria-label={t("value", { number })}
                      type={type === "date" && condition.operator !== "in" ? "date" : "text"}
                      inputMode={type === "number" ? "decimal" : undefined}
                      value={valueText(condition.value) === "NaN" ? "" : valueText(condition.value)}
                      placeholder={condition.operator === "in" ? t("listPlaceholder") : undefined}
                      disabled={readOnly}
                      onChange={(event) => setCondition(index, { ...condition, value: parseValue(type, condition.operator, event.target.value) })}
                      className={clsx("w-48 rounded-md border px-2 py-1 text-sm", error ? "border-red-400" : "border-gray-300")}
                    />
                  )}
                  {readOnly ? null : (
                    <button
                      type="button"
                      aria-label={t("remove", { number })}
                      title={t("remove", { number })}
                      onClick={() =>
                        match.conditions.length === 1 ? setMatch(null) : setMatch({ ...match, conditions: match.conditions.filter((_, at) => at !== index) })
                      }
                      className="rounded p-0.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
                    >
                      <X aria-hidden className="size-3.5" />
                    </button>
                  )}
                  {error ? <span role="alert" className="basis-full text-xs text-red-700">{error}</span> : null}
                </li>
              );
            })}
          </ol>
          {readOnly ? null : (
            <Button onClick={() => fields[0] && setMatch({ ...match, conditions: [...match.conditions, defaultCondition(fields[0], null)] })}>
              {t("add")}
            </Button>
          )}
          <p className="text-xs text-gray-500">{t("meNote")}</p>
          <RuleReach object={object.name} objectLabel={object.labelPlural} rule={match} members={members} />
        </div>
      ) : null}
    </section>
  );
}
