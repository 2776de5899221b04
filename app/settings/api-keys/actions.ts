"use server";

import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { API_KEY_NAME_MAX_LENGTH, createApiKeyInput, expiryInstant, revokeApiKeyInput } from "@/lib/api-keys/input";
import { createApiKey, type CreatedApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { createAgentToken, revokeAgentToken, type CreatedAgentToken } from "@/lib/agents/tokens";
import { z } from "zod";

/** Every action of the API keys settings: the API_KEYS_AND_WEBHOOKS permission, checked each time. */
const run = <T,>(work: () => Promise<T>) => runAction(work, { path: "/settings", type: "layout" });

export async function createApiKeyAction(input: unknown): Promise<ActionResult<CreatedApiKey>> {
  return run(async () => {
    const actor = await requireMemberForAction("API_KEYS_AND_WEBHOOKS");
    const key = parseOrThrow(createApiKeyInput, input);
    return db.$transaction((tx) => createApiKey(tx, actor, key));
  });
}

export async function revokeApiKeyAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("API_KEYS_AND_WEBHOOKS");
    const { keyId } = parseOrThrow(revokeApiKeyInput, input);
    const revoked = await db.$transaction((tx) => revokeApiKey(tx, actor, keyId));
    return { name: revoked.name };
  });
}

const createAgentTokenInput = z.object({
  agentId: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(API_KEY_NAME_MAX_LENGTH),
  // Optional (SPEC §16): the token stops working when that day begins (UTC), as a key does.
  expiresAt: z.union([z.literal("").transform(() => null), z.iso.date(), z.null()]).default(null),
});

/** A token for an AI agent on MCP over HTTP (SPEC §15), shown once. */
export async function createAgentTokenAction(input: unknown): Promise<ActionResult<CreatedAgentToken>> {
  return run(async () => {
    const actor = await requireMemberForAction("API_KEYS_AND_WEBHOOKS");
    const { agentId, name, expiresAt } = parseOrThrow(createAgentTokenInput, input);
    return db.$transaction((tx) => createAgentToken(tx, actor, agentId, name, expiresAt === null ? null : expiryInstant(expiresAt)));
  });
}

export async function revokeAgentTokenAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("API_KEYS_AND_WEBHOOKS");
    const { tokenId } = parseOrThrow(z.object({ tokenId: z.string().min(1).max(100) }), input);
    return db.$transaction((tx) => revokeAgentToken(tx, actor, tokenId));
  });
}
