"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { relationOptionsAction } from "@/app/(workspace)/objects/actions";
import { unwrap } from "./action-result";
import type { FieldView, RelationLabels } from "./types";

export const inputClasses =
  "block w-full rounded-md border border-gray-300 bg-white px-2.5 py-1.5 text-sm text-gray-900 aria-invalid:border-red-500 disabled:bg-gray-50 disabled:text-gray-500";

interface FieldInputProps {
  object: string;
  field: FieldView;
  id: string;
  value: string;
  onChange: (value: string) => void;
  labels?: RelationLabels;
  invalid: boolean;
  describedBy?: string;
  disabled?: boolean;
}

/** The control for one editable field, chosen by its type. Always labelled by the caller's <label htmlFor={id}>. */
export function FieldInput({ object, field, id, value, onChange, labels, invalid, describedBy, disabled }: FieldInputProps) {
  const t = useTranslations("records.values");
  const common = {
    id,
    name: field.name,
    disabled,
    "aria-invalid": invalid ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": field.isLabel ? true : undefined,
    className: inputClasses,
  } as const;

  switch (field.type) {
    case "RICH_TEXT":
      return <textarea {...common} rows={4} value={value} onChange={(event) => onChange(event.target.value)} />;
    case "NUMBER":
    case "CURRENCY":
      return <input {...common} type="number" step="any" inputMode="decimal" value={value} onChange={(event) => onChange(event.target.value)} />;
    case "DATE":
      return <input {...common} type="date" value={value} onChange={(event) => onChange(event.target.value)} />;
    case "DATE_TIME":
      return <input {...common} type="datetime-local" value={value} onChange={(event) => onChange(event.target.value)} />;
    case "EMAIL":
      return <input {...common} type="email" autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />;
    case "PHONE":
      return <input {...common} type="tel" autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />;
    case "BOOLEAN":
      return (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t("none")}</option>
          <option value="true">{t("yes")}</option>
          <option value="false">{t("no")}</option>
        </select>
      );
    case "SELECT":
      return (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t("none")}</option>
          {(field.selectValues ?? []).map((option) => (
            <option key={option} value={option}>{option}</option>
          ))}
          {value !== "" && !(field.selectValues ?? []).includes(value) ? <option value={value}>{value}</option> : null}
        </select>
      );
    case "RELATION":
    case "MEMBER":
      return <RelationSelect {...common} object={object} field={field} value={value} onChange={onChange} currentLabel={labels?.[field.name]?.[value]} />;
    default:
      return <input {...common} type="text" autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />;
  }
}

/** A select of the related object's records (first 200 by name), loaded when first shown. */
function RelationSelect({
  object,
  field,
  value,
  onChange,
  currentLabel,
  ...props
}: {
  object: string;
  field: FieldView;
  value: string;
  onChange: (value: string) => void;
  currentLabel?: string;
  id: string;
  name: string;
  disabled?: boolean;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}) {
  const t = useTranslations("records.values");
  const options = useQuery({
    queryKey: ["records", object, "relation-options", field.name],
    queryFn: async () => unwrap(await relationOptionsAction({ object, field: field.name })),
    staleTime: 60_000,
  });
  const list = options.data ?? [];
  const hasCurrent = value === "" || list.some((option) => option.id === value);
  return (
    <select {...props} value={value} aria-busy={options.isLoading || undefined} onChange={(event) => onChange(event.target.value)}>
      <option value="">{options.isLoading ? t("loadingOptions") : t("none")}</option>
      {hasCurrent ? null : <option value={value}>{currentLabel ?? value}</option>}
      {list.map((option) => (
        <option key={option.id} value={option.id}>{option.label}</option>
      ))}
    </select>
  );
}
