import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Sign-in, setup and the first password change: small pages whose forms translate freely. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces="all">{children}</ClientMessages>;
}
