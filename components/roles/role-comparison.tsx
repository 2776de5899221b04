"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ComparedValue, ComparisonRow } from "@/lib/roles/compare";
import { usePermissionName } from "@/components/permissions/use-permission-name";

interface Props {
  first: { id: string; name: string };
  second: { id: string; name: string };
  rows: ComparisonRow[];
  objects: { name: string; labelPlural: string; fields: { name: string; label: string }[] }[];
}

/** Only the permissions where the two roles differ, side by side (SPEC §14). */
export function RoleComparison({ first, second, rows, objects }: Props) {
  const t = useTranslations("roles.compare");
  const to = useTranslations("roles.objectRule");
  const permissionName = usePermissionName(objects);
  const cell = (value: ComparedValue) => (
    <td className="py-2 pr-4">
      <span className={value.allowed ? "font-medium text-green-800" : "text-gray-700"}>{value.allowed ? t("allowed") : t("denied")}</span>
      {value.source === "objectRule" || value.source === "fieldRule" ? (
        <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{to("overridden")}</span>
      ) : value.source === "baseline" ? (
        <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600">{to("inherited")}</span>
      ) : null}
    </td>
  );

  if (rows.length === 0) return <p className="mt-6 rounded-lg border border-gray-200 bg-white p-4 text-sm text-gray-700">{t("same")}</p>;
  return (
    <section aria-labelledby="comparison" className="mt-6 rounded-lg border border-gray-200 bg-white">
      <h2 id="comparison" className="border-b border-gray-100 px-4 py-3 text-sm font-semibold text-gray-900">{t("differences", { count: rows.length })}</h2>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
            <th scope="col" className="px-4 py-2 font-medium">{t("permission")}</th>
            <th scope="col" className="py-2 pr-4 font-medium"><Link href={comparedHref(first.id)} className="text-brand-700 hover:underline">{first.name}</Link></th>
            <th scope="col" className="py-2 pr-4 font-medium"><Link href={comparedHref(second.id)} className="text-brand-700 hover:underline">{second.name}</Link></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className="border-b border-gray-100 last:border-b-0">
              <th scope="row" className="px-4 py-2 text-left font-normal text-gray-900">{permissionName(row.permission)}</th>
              {cell(row.first)}
              {cell(row.second)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A role or set opens its page; a member (`member:<id>`) her effective permissions. */
function comparedHref(id: string): string {
  return id.startsWith("member:") ? `/settings/permissions?principal=${id}` : `/settings/roles/${id}`;
}
