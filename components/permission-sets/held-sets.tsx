"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { HeldSetView } from "@/lib/roles/permission-sets";

/**
 * The permission sets a principal holds beside its role (SPEC §17), shown wherever its role is:
 * one line per set, with its end when it has one.
 */
export function HeldSets({ sets }: { sets: readonly HeldSetView[] }) {
  const t = useTranslations("permissionSets.held");
  const format = useFormatter();
  if (sets.length === 0) return null;
  return (
    <ul aria-label={t("label")} className="mt-0.5 space-y-0.5">
      {sets.map((set) => (
        <li key={set.id} className="text-xs text-gray-600">
          {set.until ? t("setUntil", { set: set.name, date: format.dateTime(new Date(set.until), { dateStyle: "medium" }) }) : t("set", { set: set.name })}
        </li>
      ))}
    </ul>
  );
}
