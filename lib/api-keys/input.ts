import { z } from "zod";

export const API_KEY_NAME_MAX_LENGTH = 100;

/** A calendar day, `YYYY-MM-DD`; the key stops working when that day begins (UTC). */
const expiryDay = z.iso.date();

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(API_KEY_NAME_MAX_LENGTH),
  // An empty form value means "never expires" / "default role".
  expiresAt: z.union([z.literal("").transform(() => null), expiryDay, z.null()]).default(null),
  roleId: z.union([z.literal("").transform(() => null), z.string().min(1).max(100), z.null()]).default(null),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ keyId: z.string().min(1).max(100) });

/** The moment a key with this expiry day stops working. */
export function expiryInstant(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Today's calendar day in UTC, `YYYY-MM-DD`. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
