"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** `+ Create role` is a button (SPEC §7) that opens the editor of a new, unsaved role. */
export function CreateRoleButton() {
  const t = useTranslations("roles");
  const router = useRouter();
  return (
    <Button variant="primary" onClick={() => router.push("/settings/roles/new")}>
      {t("create")}
    </Button>
  );
}
