"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireMemberForAction } from "@/lib/auth/current-member";
import { toActionErrors, type ActionResult } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { createApiKeyInput, revokeApiKeyInput } from "@/lib/api-keys/input";
import { createApiKey, type CreatedApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";

/** Every action of the API keys settings: the API_KEYS_AND_WEBHOOKS permission, checked each time. */
async function run<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await work();
    revalidatePath("/settings", "layout");
    return { ok: true, data };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}

export async function createApiKeyAction(input: unknown): Promise<ActionResult<CreatedApiKey>> {
  return run(async () => {
    const actor = await requireMemberForAction("API_KEYS_AND_WEBHOOKS");
    return createApiKey(db, actor, parseOrThrow(createApiKeyInput, input));
  });
}

export async function revokeApiKeyAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("API_KEYS_AND_WEBHOOKS");
    const { keyId } = parseOrThrow(revokeApiKeyInput, input);
    const revoked = await revokeApiKey(db, actor, keyId);
    return { name: revoked.name };
  });
}
