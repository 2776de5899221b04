"use client";

import type { HeldSetView } from "@/lib/roles/permission-sets";
import { HeldSets } from "@/components/permission-sets/held-sets";
import { useTranslations } from "next-intl";
import { clsx } from "clsx";
import type { ApiKeyStatus } from "@/lib/api-keys/queries";
import { revokeApiKeyAction } from "@/app/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import { useConfirmAction } from "@/components/ui/use-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";

export interface ApiKeyTableRow {
  id: string;
  name: string;
  prefix: string;
  roleName: string | null;
  /** Permission sets held beside the role (SPEC §17). */
  sets: HeldSetView[];
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
  const revoke = useConfirmAction((key: ApiKeyTableRow) => revokeApiKeyAction({ keyId: key.id }), {
    failureToast: t("revokeFailed"),
    success: (key) => t("revoked", { name: key.name }),
  });
  const revoking = revoke.target;

  const revokeButton = (key: ApiKeyTableRow) =>
    key.status === "revoked" ? null : (
      <Button
        variant="ghost"
        className="text-red-700 hover:bg-red-50"
        aria-label={t("revokeNamed", { name: key.name })}
        onClick={() => revoke.ask(key)}
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
          { key: "role", header: t("role"), cell: (key) => (
            <>
              {key.roleName ?? <span className="text-gray-500">{t("defaultRole")}</span>}
              <HeldSets sets={key.sets} />
            </>
          ) },
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
        {...revoke.dialog}
        title={revoking ? t("revokeTitle", { name: revoking.name }) : ""}
        description={t("revokeBody")}
      />
    </>
  );
}
