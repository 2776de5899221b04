"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { matchesSearch } from "@/lib/roles/search-key";
import { SearchInput } from "@/components/ui/search-input";
import type { RoleSummary } from "@/lib/roles/queries";
import type { PermissionSetSummary } from "@/lib/roles/permission-sets";
import { RoleIcon } from "./role-icon";

type Listed = { kind: "role"; roles: RoleSummary[] } | { kind: "set"; roles: PermissionSetSummary[] };

/** The Roles page's two lists (SPEC §17): roles with their members, permission sets with their holders. */
export function RoleList(props: Listed) {
  const { roles } = props;
  const t = useTranslations("roles");
  const ts = useTranslations("permissionSets");
  const isSet = props.kind === "set";
  const [query, setQuery] = useState("");
  const visible = useMemo(() => {
    return (roles as (RoleSummary | PermissionSetSummary)[]).filter((role) => matchesSearch(query, role.name, role.description));
  }, [roles, query]);
  if (isSet && roles.length === 0) return <p className="rounded-md border border-dashed border-gray-300 px-4 py-6 text-center text-sm text-gray-500">{ts("none")}</p>;

  return (
    <div>
      <SearchInput label={isSet ? ts("search") : t("search")} value={query} onChange={(event) => setQuery(event.target.value)} className="max-w-xs" />
      <table className="mt-4 w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs font-medium text-gray-500">
            <th scope="col" className="py-2 pr-4 font-medium">{t("name")}</th>
            <th scope="col" className="w-40 py-2 font-medium">{t("assignedTo")}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((role) => (
            <tr key={role.id} className="border-b border-gray-100 hover:bg-gray-50">
              <td className="py-2.5 pr-4">
                <Link href={`/settings/roles/${role.id}`} className="flex items-center gap-2.5 text-gray-900">
                  <span className="flex size-7 items-center justify-center rounded-md bg-gray-100 text-gray-700">
                    <RoleIcon icon={role.icon} />
                  </span>
                  <span>
                    <span className="font-medium">{role.name}</span>
                    {/* Spaces keep the link's accessible name readable: "Member Default …", not "MemberDefault…". */}
                    {" "}
                    {"isDefault" in role && role.isDefault ? (
                      <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{t("default")}</span>
                    ) : null}{" "}
                    {role.description ? <span className="block text-xs text-gray-500">{role.description}</span> : null}
                  </span>
                </Link>
              </td>
              <td className="py-2.5 text-gray-700">{"holderCount" in role ? ts("holderCount", { count: role.holderCount }) : t("memberCount", { count: role.memberCount })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length === 0 ? <p className="py-6 text-center text-sm text-gray-500">{isSet ? ts("noMatch") : t("noRoles")}</p> : null}
    </div>
  );
}
