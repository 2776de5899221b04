import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/pick-messages";

/**
 * The catalog namespaces the client components below it translate with, and only those: every
 * page's HTML carries its provider's messages in the RSC payload, and the whole catalog is about
 * 45 KB (most of a records page). A provider replaces the one above it, so each part of the app
 * (root, records, settings, sign-in) names what its client components use (`records.list`: one
 * sub-namespace); `"all"` passes everything (settings, whose editors use most of the catalog).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[] | "all"; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={namespaces === "all" ? messages : pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
