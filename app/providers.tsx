"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

/** The app's only QueryClient; one per browser tab. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      {/* Plain (not rich-coloured) toasts: dark text on white keeps WCAG contrast. */}
      <Toaster position="bottom-right" closeButton />
    </QueryClientProvider>
  );
}
