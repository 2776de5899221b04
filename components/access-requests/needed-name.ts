"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { NeededGrant } from "@/lib/errors";

/** The `permissions.name` parameters of a needed grant, with the labels it carries. */
export function neededParams(needs: NeededGrant): Record<string, string> {
  const { permission, labels = {} } = needs;
  return { kind: permission.kind, action: permission.action ?? "", object: labels.object ?? permission.object ?? "", field: labels.field ?? permission.field ?? "", key: permission.key ?? "" };
}

/** `Edit records on People` and `Needs Edit records on People`, in the reader's language. */
export function useNeededName() {
  const tp = useTranslations("permissions");
  const name = useCallback((needs: NeededGrant) => tp("name", neededParams(needs)), [tp]);
  const needsSentence = useCallback((needs: NeededGrant) => tp("needs", { permission: tp("name", neededParams(needs)) }), [tp]);
  return { name, needs: needsSentence };
}
