import type { ReactNode } from "react";

/**
 * The heading block every page starts with: its one `<h1>`, a line saying what the page is for,
 * optional lines under it and an action on the right (a button, a link).
 */
export function PageHeader({ title, subtitle, action, children }: { title: ReactNode; subtitle?: ReactNode; action?: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-gray-900">{title}</h1>
        {subtitle ? <p className="mt-1 max-w-2xl text-sm text-gray-600">{subtitle}</p> : null}
        {children}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
