/**
 * Opaque keyset cursors: base64url of [sort, sort value, id]. The sort is part of the cursor so
 * that a cursor reused with another orderBy is refused instead of returning a wrong page.
 */
import { z } from "zod";
import { invalidInput } from "./errors";
import type { SqlValue } from "./sql";

const cursorSchema = z.tuple([z.string(), z.union([z.string(), z.number(), z.null()]), z.string().min(1)]);

export interface CursorPosition {
  readonly value: SqlValue;
  readonly id: string;
}

export function encodeCursor(sortKey: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([sortKey, position.value, position.id]), "utf8").toString("base64url");
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
  const [cursorSort, value, id] = parsed.data;
  if (cursorSort !== sortKey) throw invalidInput("cursor", "CURSOR_OTHER_SORT");
  return { value, id };
}
