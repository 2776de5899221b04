"use client";

import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { useTranslations } from "next-intl";
import { Copy, Download, MoreHorizontal } from "lucide-react";
import type { RoleDraft } from "@/lib/roles/draft";
import type { GuardrailStatement } from "@/lib/roles/guardrails";
import { toRoleFile } from "@/lib/roles/role-file";
import { buttonClasses } from "@/components/ui/button";

const itemClasses = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-gray-100";

/** Duplicate the role or download its definition as JSON (what the role list can import). */
export function RoleMenu({ roleId, draft, guardrails = [], kind = "role" }: { roleId: string; draft: RoleDraft; guardrails?: GuardrailStatement[]; kind?: "role" | "set" }) {
  const t = useTranslations("roles");
  const download = () => {
    const blob = new Blob([JSON.stringify(toRoleFile(draft, guardrails, kind), null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${draft.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "role"}.role.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={buttonClasses("secondary")} aria-label={t("more")}>
        <MoreHorizontal aria-hidden className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-44 rounded-md border border-gray-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link href={`/settings/roles/new?from=${roleId}${kind === "set" ? "&kind=set" : ""}`}>
              <Copy aria-hidden className="size-4" />
              {t("duplicate")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClasses} onSelect={download}>
            <Download aria-hidden className="size-4" />
            {t("exportJson")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
