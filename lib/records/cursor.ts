/**
 * Opaque keyset cursors: base64url of [sort, sort value, id, creation date?]. The sort is part of
 * the cursor so that a cursor reused with another orderBy is refused instead of returning a wrong
 * page. The creation date is there on data-field sorts, whose ties it breaks (lib/records/sql.ts).
 */
import { z } from "zod";
import { invalidInput } from "./errors";
import type { SqlValue } from "./sql";

const cursorSchema = z.union([
  z.tuple([z.string(), z.union([z.string(), z.number(), z.null()]), z.string().min(1)]),
  z.tuple([z.string(), z.union([z.string(), z.number(), z.null()]), z.string().min(1), z.string().min(1).max(64)]),
]);

export interface CursorPosition {
  readonly value: SqlValue;
  readonly id: string;
  readonly at?: string;
}

export function encodeCursor(sortKey: string, position: CursorPosition): string {
  const parts = position.at === undefined ? [sortKey, position.value, position.id] : [sortKey, position.value, position.id, position.at];
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, sortKey: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidInput("cursor", "CURSOR_INVALID");
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw invalidInput("cursor", "CURSOR_INVALID");
  const [cursorSort, value, id, at] = parsed.data;
  if (cursorSort !== sortKey) throw invalidInput("cursor", "CURSOR_OTHER_SORT");
  return at === undefined ? { value, id } : { value, id, at };
}
