"use client";

import { Search } from "lucide-react";
import { clsx } from "clsx";
import type { InputHTMLAttributes } from "react";

/** A search box with its icon; the placeholder doubles as its accessible name. */
export function SearchInput({ label, className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string }) {
  return (
    <div className={clsx("relative", className)}>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-gray-400" />
      <input type="search" placeholder={label} aria-label={label} className="w-full rounded-md border border-gray-300 py-1.5 pr-3 pl-8 text-sm" {...props} />
    </div>
  );
}
