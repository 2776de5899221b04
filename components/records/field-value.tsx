"use client";

import Link from "next/link";
import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import type { FieldView, RelationLabels } from "./types";

/** A stored value, formatted for the reader's locale (dates in the app's time zone, UTC). */
export function FieldValue({
  field,
  value,
  labels,
  multiline = false,
}: {
  field: FieldView;
  value: unknown;
  labels?: RelationLabels;
  /** Long text keeps its line breaks (record page) instead of being cut to one line (lists). */
  multiline?: boolean;
}) {
  const format = useFormatter();
  const t = useTranslations("records.values");

  if (value === null || value === undefined || value === "") {
    return (
      <span className="text-gray-400">
        <span aria-hidden>—</span>
        <span className="sr-only">{t("empty")}</span>
      </span>
    );
  }

  switch (field.type) {
    case "RELATION": {
      const id = String(value);
      const label = labels?.[field.name]?.[id];
      if (field.relationTarget && label !== undefined) {
        return (
          <Link href={`/objects/${field.relationTarget}/${encodeURIComponent(id)}`} className="text-brand-700 hover:underline">
            {label}
          </Link>
        );
      }
      return <span className="font-mono text-xs text-gray-600">{id}</span>;
    }
    case "MEMBER": {
      const id = String(value);
      const label = labels?.[field.name]?.[id];
      return label !== undefined ? <span>{label}</span> : <span className="font-mono text-xs text-gray-600">{id}</span>;
    }
    case "DATE": {
      const date = new Date(`${String(value)}T00:00:00Z`);
      return <span>{Number.isNaN(date.getTime()) ? String(value) : format.dateTime(date, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" })}</span>;
    }
    case "DATE_TIME": {
      const date = new Date(String(value));
      return (
        <time dateTime={String(value)}>
          {Number.isNaN(date.getTime()) ? String(value) : format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      );
    }
    case "NUMBER":
      return <span className="tabular-nums">{typeof value === "number" ? format.number(value) : String(value)}</span>;
    case "CURRENCY":
      return (
        <span className="tabular-nums">
          {typeof value === "number" ? format.number(value, { minimumFractionDigits: 0, maximumFractionDigits: 2 }) : String(value)}
        </span>
      );
    case "BOOLEAN":
      return <span>{value === true ? t("yes") : value === false ? t("no") : String(value)}</span>;
    case "SELECT":
      return <span className="inline-block rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-700">{String(value)}</span>;
    case "UUID":
      return <span className="font-mono text-xs text-gray-600">{String(value)}</span>;
    default:
      return <span className={clsx(multiline ? "whitespace-pre-wrap break-words" : "cell-text")}>{String(value)}</span>;
  }
}
