"use client";

import { Switch } from "radix-ui";
import { clsx } from "clsx";
import type { ReactNode } from "react";

export interface SwitchRowProps {
  id: string;
  label: string;
  description?: string;
  checked: boolean;
  onCheckedChange?: (checked: boolean) => void;
  disabled?: boolean;
  error?: string | null;
  /** Shown after the label, e.g. an "Inherited" badge. */
  adornment?: ReactNode;
}

/** A labelled switch: the label is its accessible name, the description and error describe it. */
export function SwitchRow({ id, label, description, checked, onCheckedChange, disabled, error, adornment }: SwitchRowProps) {
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex items-start justify-between gap-4 py-2.5">
      <div className="min-w-0">
        <div className="flex items-center gap-2">
          <label htmlFor={id} className={clsx("text-sm", disabled ? "text-gray-500" : "text-gray-900")}>
            {label}
          </label>
          {adornment}
        </div>
        {description ? (
          <p id={`${id}-description`} className="text-xs text-gray-500">
            {description}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Switch.Root
        id={id}
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={clsx(
          "relative mt-0.5 inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
          "data-[state=checked]:bg-brand-600 data-[state=unchecked]:bg-gray-300 disabled:cursor-not-allowed disabled:opacity-60",
        )}
      >
        <Switch.Thumb className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]" />
      </Switch.Root>
    </div>
  );
}
