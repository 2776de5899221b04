import type { ReactNode } from "react";

/** The centred card of the signed-out pages (sign in, setup, temporary password): heading, form, then `footer`. */
export function AuthCard({ title, subtitle, footer, children }: { title: string; subtitle: string; footer?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-xl font-semibold text-gray-900">{title}</h1>
        <p className="mt-1 text-sm text-gray-600">{subtitle}</p>
        <div className="mt-6 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">{children}</div>
        {footer}
      </div>
    </main>
  );
}
