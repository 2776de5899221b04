"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { viewAsRoleAction } from "@/app/settings/roles/actions";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useErrorMessage } from "@/components/ui/use-error-message";

/**
 * "View as this role" (SPEC §14): opens the records with the role's read-only projection. With
 * permission sets in the workspace, a second button views the role plus chosen sets (SPEC §17),
 * as a principal holding them all would see.
 */
export function ViewAsButton({ roleId, sets = [] }: { roleId: string; sets?: readonly { id: string; name: string }[] }) {
  const t = useTranslations("viewAs");
  const tc = useTranslations("common");
  const errorMessage = useErrorMessage();
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const viewAs = async (setIds: string[] = []) => {
    const result = await viewAsRoleAction({ roleId, setIds });
    if (!result.ok) {
      toast.error(errorMessage(result.errors[0]));
      return;
    }
    window.location.assign("/");
  };
  return (
    <>
      <ActionButton run={() => viewAs()}>{t("start")}</ActionButton>
      {sets.length > 0 ? (
        <Button variant="ghost" onClick={() => { setChosen([]); setChoosing(true); }}>{t("withSets")}</Button>
      ) : null}
      <Modal
        open={choosing}
        onOpenChange={setChoosing}
        title={t("withSetsTitle")}
        description={t("withSetsHelp")}
        footer={
          <>
            <Button onClick={() => setChoosing(false)}>{tc("cancel")}</Button>
            <ActionButton variant="primary" run={() => viewAs(chosen)}>{t("start")}</ActionButton>
          </>
        }
      >
        <fieldset>
          <legend className="text-sm font-medium text-gray-900">{t("setsLegend")}</legend>
          <div className="mt-2 space-y-1.5">
            {sets.map((set) => (
              <label key={set.id} className="flex items-center gap-2 text-sm text-gray-800">
                <input
                  type="checkbox"
                  className="size-4 rounded border-gray-300"
                  checked={chosen.includes(set.id)}
                  onChange={(event) => setChosen((current) => (event.target.checked ? [...current, set.id] : current.filter((id) => id !== set.id)))}
                />
                {set.name}
              </label>
            ))}
          </div>
        </fieldset>
      </Modal>
    </>
  );
}
