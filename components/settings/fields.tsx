"use client";

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FieldError } from "@/components/ui/field-error";

export const inputClasses =
  "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm disabled:bg-gray-50 disabled:text-gray-500 aria-invalid:border-red-500";

interface FieldFrameProps {
  id: string;
  label: string;
  help?: ReactNode;
  error?: string | null;
}

function describedBy(id: string, help: ReactNode, error: string | null | undefined) {
  return [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Frame({ id, label, help, error, children }: FieldFrameProps & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">{label}</label>
      {children}
      {help ? <p id={`${id}-help`} className="mt-1 text-xs text-gray-500">{help}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled text input; its help and error describe it, and an error marks it invalid. */
export function TextField({ id, label, help, error, ...input }: FieldFrameProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame id={id} label={label} help={help} error={error}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} className={inputClasses} {...input} />
    </Frame>
  );
}

export function SelectField({ id, label, help, error, children, ...select }: FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame id={id} label={label} help={help} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} className={inputClasses} {...select}>
        {children}
      </select>
    </Frame>
  );
}

export function TextAreaField({ id, label, help, error, ...textarea }: FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame id={id} label={label} help={help} error={error}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} className={inputClasses} {...textarea} />
    </Frame>
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
