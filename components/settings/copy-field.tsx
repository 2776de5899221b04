"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A secret shown once: read-only, selected on focus, with a copy button. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations("settings.common");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">{label}</label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-gray-300 bg-gray-50 px-3 py-2 font-mono text-sm text-gray-900"
        />
        <Button onClick={copy} aria-label={t("copyNamed", { label })}>
          <Copy aria-hidden className="size-4" />
          {t("copy")}
        </Button>
      </div>
    </div>
  );
}
