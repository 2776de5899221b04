"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";

export const inputClasses =
  "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm disabled:bg-gray-50 disabled:text-gray-500 aria-invalid:border-red-500";

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FormFieldProps {
  id: string;
  label: ReactNode;
  /** Help under the control (`${id}-help`); it describes the control. */
  hint?: ReactNode;
  /** The control's error (`${id}-error`); it describes the control and marks it invalid. */
  error?: string | null;
  className?: string;
  /** Renders the control with the props that wire it to the label, hint and error. */
  children: (control: ControlProps) => ReactNode;
}

/** Ids that describe a control: its hint and its error, when shown. */
export function describedBy(id: string, hint: ReactNode, error: string | null | undefined) {
  return [hint ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A label over its control, with an optional hint and error that describe the control. */
export function FormField({ id, label, hint, error, className, children }: FormFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) })}
      {hint ? <p id={`${id}-help`} className="mt-1 text-xs text-gray-500">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  help?: ReactNode;
  error?: string | null;
}

/** A labelled text input; its help and error describe it, and an error marks it invalid. */
export function TextField({ id, label, help, error, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FormField id={id} label={label} hint={help} error={error}>
      {(control) => <input {...control} className={inputClasses} {...input} />}
    </FormField>
  );
}

export function SelectField({ id, label, help, error, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FormField id={id} label={label} hint={help} error={error}>
      {(control) => (
        <select {...control} className={inputClasses} {...select}>
          {children}
        </select>
      )}
    </FormField>
  );
}

export function TextAreaField({ id, label, help, error, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FormField id={id} label={label} hint={help} error={error}>
      {(control) => <textarea {...control} className={inputClasses} {...textarea} />}
    </FormField>
  );
}

/** Errors that belong to no single control, at the top of a form. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export interface FormFooterProps {
  submitLabel: ReactNode;
  /** Disables the submit (and Cancel) while the form is being sent. */
  pending?: boolean;
  /** Disables the submit for another reason (nothing changed, nothing typed). */
  submitDisabled?: boolean;
  /** Shows a Cancel button before the submit. */
  onCancel?: () => void;
  cancelLabel?: string;
  cancelDisabled?: boolean;
  /** An error for the whole form, announced above the buttons. */
  error?: string | null;
  className?: string;
}

/** The row that ends a form or a dialog's form: Cancel (optional), then the primary submit. */
export function FormFooter({ submitLabel, pending, submitDisabled, onCancel, cancelLabel, cancelDisabled, error, className }: FormFooterProps) {
  const tc = useTranslations("common");
  return (
    <>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <div className={clsx("flex justify-end gap-2", className)}>
        {onCancel ? <Button onClick={onCancel} disabled={cancelDisabled}>{cancelLabel ?? tc("cancel")}</Button> : null}
        <Button type="submit" variant="primary" disabled={pending || submitDisabled}>{submitLabel}</Button>
      </div>
    </>
  );
}
