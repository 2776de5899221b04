/**
 * SQL functions registered on every SQLite connection (lib/db/sqlite.ts).
 * SQLite's LIKE and lower() fold ASCII case only, so "élise" would not find "Élise".
 */
export const FOLD_CASE_FUNCTION = "rolecall_fold_case";

interface FunctionHost {
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): unknown;
}

/** Lower case by Unicode rules (locale-independent); anything but text passes through. */
export function registerRecordFunctions(client: FunctionHost): void {
  client.function(FOLD_CASE_FUNCTION, { deterministic: true }, (value) => (typeof value === "string" ? value.toLowerCase() : value));
}

/** An ASCII term needs no folding beyond LIKE's own, and native LIKE spares a call per row. */
export function needsUnicodeFolding(term: string): boolean {
  return /[^\u0000-\u007f]/.test(term);
}
