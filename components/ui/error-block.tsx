import clsx from "clsx";
import type { ReactNode } from "react";

/**
 * The one way an error is shown inline, announced to screen readers (`role="alert"`):
 * - `block`: a boxed message for a whole form, a dialog or a failed load;
 * - `inline`: a line beside the control it is about (`id` for the control's aria-describedby).
 */
export function ErrorBlock({
  children,
  variant = "inline",
  size = "sm",
  id,
  className,
  as: Tag = variant === "block" ? "div" : "p",
}: {
  children: ReactNode;
  variant?: "block" | "inline";
  size?: "sm" | "xs";
  id?: string;
  className?: string;
  as?: "div" | "p" | "span";
}) {
  return (
    <Tag
      id={id}
      role="alert"
      className={clsx(
        size === "xs" ? "text-xs" : "text-sm",
        variant === "block" ? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800" : "text-red-700",
        Tag === "span" && variant === "inline" && "block",
        className,
      )}
    >
      {children}
    </Tag>
  );
}
