"use client";

import { useTransition, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";

/** A button that runs `run` in a transition and is disabled until it has finished, so it is not sent twice. */
export function ActionButton({ run, ...props }: Omit<ComponentProps<typeof Button>, "onClick"> & { run: () => Promise<void> }) {
  const [pending, startTransition] = useTransition();
  return <Button disabled={pending} onClick={() => startTransition(run)} {...props} />;
}
