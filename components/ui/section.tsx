import { clsx } from "clsx";
import type { ReactNode } from "react";

export interface SectionProps {
  /** Id of the heading; the section is named by it (aria-labelledby). */
  id: string;
  title: ReactNode;
  /** A string is set as the usual small grey line; anything else is rendered as given. */
  description?: ReactNode;
  /** Controls at the right of the header, e.g. a "Manage" link or an "Add" button. */
  actions?: ReactNode;
  /** Where the actions sit against a tall title block. */
  align?: "start" | "center";
  className?: string;
  children?: ReactNode;
}

/** A titled settings card: a header (h2, description, actions) over its content. */
export function Section({ id, title, description, actions, align = "start", className, children }: SectionProps) {
  return (
    <section aria-labelledby={id} className={clsx("rounded-lg border border-gray-200 bg-white", className)}>
      <header className={clsx("flex justify-between gap-4 border-b border-gray-100 px-4 py-3", align === "center" ? "items-center" : "items-start")}>
        <div>
          <h2 id={id} className="text-sm font-semibold text-gray-900">{title}</h2>
          {typeof description === "string" ? <p className="text-xs text-gray-500">{description}</p> : description}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** The muted "(3)" after a section title. */
export function Count({ children }: { children: ReactNode }) {
  return <span className="font-normal text-gray-500">({children})</span>;
}

/** The centred grey line shown where a list has nothing to show. */
export function EmptyState({ children, className = "px-4 py-6" }: { children: ReactNode; className?: string }) {
  return <p className={clsx("text-center text-sm text-gray-500", className)}>{children}</p>;
}
