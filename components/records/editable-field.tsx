"use client";

import { FieldError } from "@/components/ui/field-error";
import { FieldInput } from "./field-input";
import type { FieldView, RelationLabels } from "./types";

/** Label, control and the server's error for one editable field. */
export function EditableField({
  object,
  field,
  idPrefix,
  value,
  onChange,
  labels,
  error,
  disabled,
}: {
  object: string;
  field: FieldView;
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
  labels?: RelationLabels;
  error?: string | null;
  disabled?: boolean;
}) {
  const id = `${idPrefix}-${field.name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">{field.label}</label>
      <div className="mt-1">
        <FieldInput
          object={object}
          field={field}
          id={id}
          value={value}
          onChange={onChange}
          labels={labels}
          invalid={Boolean(error)}
          describedBy={error ? `${id}-error` : undefined}
          disabled={disabled}
        />
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
