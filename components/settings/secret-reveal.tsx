"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyField } from "./copy-field";

/** A secret shown once (an API key, an agent token): copy it now, then Done closes the dialog for good. */
export function SecretReveal({ id, label, secret, onDone }: { id: string; label: string; secret: string; onDone: () => void }) {
  const ts = useTranslations("settings.common");
  return (
    <div className="space-y-4">
      <CopyField id={id} label={label} value={secret} />
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>{ts("done")}</Button>
      </div>
    </div>
  );
}
