"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Filter, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldInput, inputClasses } from "./field-input";
import { choiceOf, filterableFields, needsValue, operatorsFor, toFilter, type OperatorChoice } from "./filters";
import { fromInputText } from "./values";
import type { FieldView, ListFilter, ObjectView } from "./types";

/** Active filters as removable chips, and a small form to add one (visible fields only). */
export function FilterBar({ view, filters, onChange }: { view: ObjectView; filters: ListFilter[]; onChange: (filters: ListFilter[]) => void }) {
  const t = useTranslations("records.filter");
  const fields = filterableFields(view.fields);
  const [open, setOpen] = useState(false);
  const describe = useFilterText(view);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          <Filter aria-hidden className="size-4" />
          {t("add")}
        </Button>
        {filters.length > 0 ? (
          <ul aria-label={t("active")} className="flex flex-wrap items-center gap-2">
            {filters.map((filter, index) => (
              <li key={`${filter.field}-${filter.op}-${filter.value}-${index}`} className="inline-flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 py-0.5 pr-1 pl-2.5 text-xs text-brand-700">
                <span>{describe(filter)}</span>
                <button
                  type="button"
                  aria-label={t("remove", { filter: describe(filter) })}
                  onClick={() => onChange(filters.filter((_, position) => position !== index))}
                  className="rounded-full p-0.5 hover:bg-brand-100"
                >
                  <X aria-hidden className="size-3.5" />
                </button>
              </li>
            ))}
            <li>
              <button type="button" onClick={() => onChange([])} className="text-xs text-gray-600 underline-offset-2 hover:underline">
                {t("clear")}
              </button>
            </li>
          </ul>
        ) : null}
      </div>
      {open && fields.length > 0 ? (
        <FilterForm
          view={view}
          fields={fields}
          onAdd={(filter) => {
            onChange([...filters, filter]);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}

function FilterForm({ view, fields, onAdd, onCancel }: { view: ObjectView; fields: FieldView[]; onAdd: (filter: ListFilter) => void; onCancel: () => void }) {
  const t = useTranslations("records.filter");
  const tc = useTranslations("common");
  const id = useId();
  const [fieldName, setFieldName] = useState(fields[0].name);
  const field = fields.find((candidate) => candidate.name === fieldName) ?? fields[0];
  const operators = operatorsFor(field);
  const [choice, setChoice] = useState<OperatorChoice>(operators[0]);
  const operator = operators.includes(choice) ? choice : operators[0];
  const [value, setValue] = useState("");
  const valueNeeded = needsValue(operator);
  const canApply = !valueNeeded || value.trim() !== "";

  return (
    <form
      aria-label={t("formLabel")}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-gray-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!canApply) return;
        const operand = valueNeeded ? fromInputText(field, value) : "";
        onAdd(toFilter(field, operator, operand === null ? "" : String(operand)));
      }}
    >
      <div className="w-44">
        <label htmlFor={`${id}-field`} className="block text-xs font-medium text-gray-700">{t("field")}</label>
        <select
          id={`${id}-field`}
          className={`mt-1 ${inputClasses}`}
          value={field.name}
          onChange={(event) => {
            setFieldName(event.target.value);
            setValue("");
          }}
        >
          {fields.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>{candidate.label}</option>
          ))}
        </select>
      </div>
      <div className="w-40">
        <label htmlFor={`${id}-operator`} className="block text-xs font-medium text-gray-700">{t("operator")}</label>
        <select id={`${id}-operator`} className={`mt-1 ${inputClasses}`} value={operator} onChange={(event) => setChoice(event.target.value as OperatorChoice)}>
          {operators.map((candidate) => (
            <option key={candidate} value={candidate}>{t(`ops.${candidate.replace(":", "_")}`)}</option>
          ))}
        </select>
      </div>
      {valueNeeded ? (
        <div className="w-56">
          <label htmlFor={`${id}-value`} className="block text-xs font-medium text-gray-700">{t("value")}</label>
          <div className="mt-1">
            <FieldInput object={view.namePlural} field={{ ...field, isLabel: false }} id={`${id}-value`} value={value} onChange={setValue} invalid={false} />
          </div>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!canApply}>{t("apply")}</Button>
        <Button onClick={onCancel}>{tc("cancel")}</Button>
      </div>
    </form>
  );
}

/** "City contains Par", "Company is Nova Labs" … */
function useFilterText(view: ObjectView) {
  const t = useTranslations("records.filter");
  return (filter: ListFilter) => {
    const field = view.fields.find((candidate) => candidate.name === filter.field);
    const choice = choiceOf(filter);
    const operator = t(`ops.${choice.replace(":", "_")}`);
    const label = field?.label ?? filter.field;
    if (!needsValue(choice)) return t("chipNoValue", { field: label, operator });
    const value = field?.type === "BOOLEAN" ? (filter.value === "true" ? t("yes") : t("no")) : filter.value;
    return t("chip", { field: label, operator, value });
  };
}
