"use client";

import { Button } from "@/components/ui/button";

/** A failed load, announced, with a button to try again. */
export function RetryAlert({ message, retryLabel, onRetry }: { message: string; retryLabel: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <span>{message}</span>
      <Button onClick={onRetry}>{retryLabel}</Button>
    </div>
  );
}
