"use client";

import { Button } from "@/components/ui/button";
import { ErrorBlock } from "@/components/ui/error-block";

/** A failed load, announced, with a button to try again. */
export function RetryAlert({ message, retryLabel, onRetry }: { message: string; retryLabel: string; onRetry: () => void }) {
  return (
    <ErrorBlock variant="block" className="flex items-center justify-between gap-3">
      <span>{message}</span>
      <Button onClick={onRetry}>{retryLabel}</Button>
    </ErrorBlock>
  );
}
