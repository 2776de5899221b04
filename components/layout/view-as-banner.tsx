"use client";

import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { Eye } from "lucide-react";
import { exitViewAsAction } from "@/app/view-as/actions";
import { Button } from "@/components/ui/button";

/** SPEC §14: while viewing as a role, every page says so and offers the way back. */
export function ViewAsBanner({ viewingAs }: { viewingAs: { roleId: string; roleName: string } | null }) {
  const t = useTranslations("viewAs");
  const [pending, startTransition] = useTransition();
  if (!viewingAs) return null;
  return (
    <div role="status" className="mb-6 flex items-center justify-between gap-4 rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-950">
      <span className="flex items-center gap-2">
        <Eye aria-hidden className="size-4" />
        <span>
          <strong>{t("banner", { role: viewingAs.roleName })}</strong> — {t("readOnly")}
        </span>
      </span>
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await exitViewAsAction();
            // A full load: every server-rendered page must drop the projection.
            window.location.assign(result.ok && result.data.roleId ? `/settings/roles/${result.data.roleId}` : "/");
          })
        }
      >
        {t("exit")}
      </Button>
    </div>
  );
}
