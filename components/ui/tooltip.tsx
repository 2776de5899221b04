"use client";

import { Tooltip as RadixTooltip } from "radix-ui";
import type { ReactElement } from "react";

/**
 * Shows `content` on hover and focus of its single child. For a control that cannot be used,
 * render it with aria-disabled (not `disabled`) so it still receives hover and focus and can
 * explain why.
 */
export function Tooltip({ content, children }: { content: string; children: ReactElement }) {
  return (
    <RadixTooltip.Provider delayDuration={150}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content side="top" sideOffset={4} className="z-50 max-w-xs rounded-md bg-gray-900 px-2 py-1 text-xs text-white shadow">
            {content}
            <RadixTooltip.Arrow className="fill-gray-900" />
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
