"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * `+ Create role` (SPEC §7) and `+ Create permission set` (SPEC §17) are buttons that open the
 * editor of a new, unsaved definition.
 */
export function CreateRoleButton({ kind = "role" }: { kind?: "role" | "set" }) {
  const t = useTranslations(kind === "set" ? "permissionSets" : "roles");
  const router = useRouter();
  return (
    <Button variant={kind === "set" ? "secondary" : "primary"} onClick={() => router.push(kind === "set" ? "/settings/roles/new?kind=set" : "/settings/roles/new")}>
      {t("create")}
    </Button>
  );
}
