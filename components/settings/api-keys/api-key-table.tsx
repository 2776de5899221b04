"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { clsx } from "clsx";
import type { ApiKeyStatus } from "@/lib/api-keys/queries";
import { revokeApiKeyAction } from "@/app/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useErrorMessage } from "@/components/ui/use-error-message";

export interface ApiKeyTableRow {
  id: string;
  name: string;
  prefix: string;
  roleName: string | null;
  expires: string | null;
  lastUsed: string | null;
  revoked: string | null;
  status: ApiKeyStatus;
}

const STATUS_CLASSES: Record<ApiKeyStatus, string> = {
  active: "bg-green-50 text-green-800",
  expired: "bg-amber-50 text-amber-800",
  revoked: "bg-gray-100 text-gray-600",
};

export function ApiKeyTable({ keys }: { keys: ApiKeyTableRow[] }) {
  const t = useTranslations("settings.apiKeys");
  const ts = useTranslations("settings.common");
  const errorMessage = useErrorMessage();
  const tc = useTranslations("common");
  const router = useRouter();
  const [revoking, setRevoking] = useState<ApiKeyTableRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, startWork] = useTransition();

  const confirm = () =>
    startWork(async () => {
      if (!revoking) return;
      const result = await revokeApiKeyAction({ keyId: revoking.id });
      if (!result.ok) {
        setError(errorMessage(result.errors[0]));
        toast.error(t("revokeFailed"));
        return;
      }
      toast.success(t("revoked", { name: result.data.name }));
      setRevoking(null);
      router.refresh();
    });

  if (keys.length === 0) return <p className="px-4 py-6 text-center text-sm text-gray-500">{t("empty")}</p>;

  return (
    <>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
            <th scope="col" className="px-4 py-2 font-medium">{t("name")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("key")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("role")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("expires")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("lastUsed")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("status")}</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium"><span className="sr-only">{ts("actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-b border-gray-100 last:border-b-0">
              <th scope="row" className="px-4 py-2.5 text-left font-medium text-gray-900">{key.name}</th>
              <td className="py-2.5 pr-4 font-mono text-xs text-gray-700">{key.prefix}…</td>
              <td className="py-2.5 pr-4 text-gray-700">{key.roleName ?? <span className="text-gray-500">{t("defaultRole")}</span>}</td>
              <td className="py-2.5 pr-4 text-gray-700">{key.expires ?? ts("never")}</td>
              <td className="py-2.5 pr-4 text-gray-700">{key.lastUsed ?? ts("never")}</td>
              <td className="py-2.5 pr-4">
                <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium", STATUS_CLASSES[key.status])}>
                  {key.status === "revoked" && key.revoked ? t("revokedOn", { date: key.revoked }) : t(`statuses.${key.status}`)}
                </span>
              </td>
              <td className="py-1.5 pr-4 text-right">
                {key.status === "revoked" ? null : (
                  <Button
                    variant="ghost"
                    className="text-red-700 hover:bg-red-50"
                    aria-label={t("revokeNamed", { name: key.name })}
                    onClick={() => {
                      setError(null);
                      setRevoking(key);
                    }}
                  >
                    {t("revoke")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <Modal
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={revoking ? t("revokeTitle", { name: revoking.name }) : ""}
        description={t("revokeBody")}
        closeLabel={tc("close")}
        footer={
          <>
            <Button onClick={() => setRevoking(null)}>{tc("cancel")}</Button>
            <Button variant="danger" onClick={confirm} disabled={working}>{tc("confirm")}</Button>
          </>
        }
      >
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      </Modal>
    </>
  );
}
