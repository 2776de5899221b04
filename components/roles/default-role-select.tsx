"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { setDefaultRoleAction } from "@/app/settings/roles/actions";
import { FieldError } from "@/components/ui/field-error";
import { useErrorMessage } from "@/components/ui/use-error-message";

/**
 * `withinRoleIds`: the roles the actor may make the default (SPEC §11: every invitee and every key
 * without a role gets it); null for an Admin. Changing the default also needs the current one
 * within authority, so a non-Admin whose role is narrower than it sees the select disabled.
 */
export function DefaultRoleSelect({ roles, defaultRoleId, withinRoleIds }: { roles: { id: string; name: string }[]; defaultRoleId: string; withinRoleIds: string[] | null }) {
  const t = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const [value, setValue] = useState(defaultRoleId);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const within = (roleId: string) => withinRoleIds === null || withinRoleIds.includes(roleId);
  const beyond = errorMessage({ code: "EXCEEDS_AUTHORITY", params: { kind: "none", action: "", object: "", field: "", key: "" } });
  const locked = !within(defaultRoleId);

  return (
    <div>
      <label htmlFor="default-role" className="block text-sm font-medium text-gray-900">{t("defaultRole")}</label>
      <p id="default-role-help" className="text-xs text-gray-500">{t("defaultRoleHelp")}</p>
      <select
        id="default-role"
        value={value}
        disabled={pending || locked}
        title={locked ? beyond : undefined}
        aria-describedby="default-role-help default-role-error"
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const next = event.target.value;
          const previous = value;
          setValue(next);
          setError(null);
          startTransition(async () => {
            const result = await setDefaultRoleAction({ roleId: next });
            if (!result.ok) {
              setValue(previous);
              setError(errorMessage(result.errors[0]));
              return;
            }
            toast.success(t("defaultRoleSaved", { name: roles.find((role) => role.id === next)?.name ?? "" }));
            router.refresh();
          });
        }}
        className="mt-2 block w-64 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
      >
        {roles.map((role) => (
          <option key={role.id} value={role.id} disabled={!within(role.id)} title={within(role.id) ? undefined : beyond}>{role.name}</option>
        ))}
      </select>
      <FieldError id="default-role-error" message={error ?? (locked ? beyond : null)} />
    </div>
  );
}
