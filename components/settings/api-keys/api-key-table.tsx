"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { clsx } from "clsx";
import type { ApiKeyStatus } from "@/lib/api-keys/queries";
import { revokeApiKeyAction } from "@/app/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
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
  const router = useRouter();
  const [revoking, setRevoking] = useState<ApiKeyTableRow | null>(null);
  const revoke = useAction(revokeApiKeyAction, {
    failureToast: t("revokeFailed"),
    onSuccess: (key) => {
      toast.success(t("revoked", { name: key.name }));
      setRevoking(null);
      router.refresh();
    },
  });

  const revokeButton = (key: ApiKeyTableRow) =>
    key.status === "revoked" ? null : (
      <Button
        variant="ghost"
        className="text-red-700 hover:bg-red-50"
        aria-label={t("revokeNamed", { name: key.name })}
        onClick={() => {
          revoke.setErrors([]);
          setRevoking(key);
        }}
      >
        {t("revoke")}
      </Button>
    );

  return (
    <>
      <DataTable
        rows={keys}
        rowKey={(key) => key.id}
        empty={t("empty")}
        columns={[
          { key: "name", header: t("name"), rowHeader: true, cell: (key) => key.name },
          { key: "key", header: t("key"), className: "font-mono text-xs text-gray-700", cell: (key) => `${key.prefix}…` },
          { key: "role", header: t("role"), cell: (key) => key.roleName ?? <span className="text-gray-500">{t("defaultRole")}</span> },
          { key: "expires", header: t("expires"), cell: (key) => key.expires ?? ts("never") },
          { key: "lastUsed", header: t("lastUsed"), cell: (key) => key.lastUsed ?? ts("never") },
          {
            key: "status",
            header: t("status"),
            className: "",
            cell: (key) => (
              <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium", STATUS_CLASSES[key.status])}>
                {key.status === "revoked" && key.revoked ? t("revokedOn", { date: key.revoked }) : t(`statuses.${key.status}`)}
              </span>
            ),
          },
        ]}
        rowActions={{ label: ts("actions"), cell: revokeButton }}
      />

      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={revoking ? t("revokeTitle", { name: revoking.name }) : ""}
        description={t("revokeBody")}
        onConfirm={() => revoking && revoke.run({ keyId: revoking.id })}
        pending={revoke.pending}
        error={revoke.errors[0] ? errorMessage(revoke.errors[0]) : null}
      />
    </>
  );
}
