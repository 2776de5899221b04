"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { API_KEY_NAME_MAX_LENGTH, createApiKeyInput, expiryInstant, revokeApiKeyInput } from "@/lib/api-keys/input";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { createAgentToken, revokeAgentToken } from "@/lib/agents/tokens";
import { createWebhook, createWebhookInput, deleteWebhook } from "@/lib/webhooks/manage";

// Every action of the API keys settings: the API_KEYS_AND_WEBHOOKS permission, checked each time.
const SETTINGS: Revalidation = { path: "/settings", type: "layout" };
const keys = <Schema extends z.ZodType>(schema: Schema) => ({ schema, permission: "API_KEYS_AND_WEBHOOKS" as const, revalidate: SETTINGS });

export const createApiKeyAction = memberAction(keys(createApiKeyInput), ({ actor, input }) => db.$transaction((tx) => createApiKey(tx, actor, input)));

export const revokeApiKeyAction = memberAction(keys(revokeApiKeyInput), async ({ actor, input }) => {
  const revoked = await db.$transaction((tx) => revokeApiKey(tx, actor, input.keyId));
  return { name: revoked.name };
});

const createAgentTokenInput = z.object({
  agentId: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(API_KEY_NAME_MAX_LENGTH),
  // Optional (docs/reference.md §16): the token stops working when that day begins (UTC), as a key does.
  expiresAt: z.union([z.literal("").transform(() => null), z.iso.date(), z.null()]).default(null),
});

/** A token for an AI agent on MCP over HTTP (docs/reference.md §15), shown once. */
export const createAgentTokenAction = memberAction(keys(createAgentTokenInput), ({ actor, input: { agentId, name, expiresAt } }) =>
  db.$transaction((tx) => createAgentToken(tx, actor, agentId, name, expiresAt === null ? null : expiryInstant(expiresAt))),
);

export const revokeAgentTokenAction = memberAction(keys(z.object({ tokenId: z.string().min(1).max(100) })), ({ actor, input }) =>
  db.$transaction((tx) => revokeAgentToken(tx, actor, input.tokenId)),
);

/** A webhook (docs/reference.md §20): its secret is returned once, to be shown once. */
export const createWebhookAction = memberAction(keys(createWebhookInput), ({ actor, input }) => db.$transaction((tx) => createWebhook(tx, actor, input)));

export const deleteWebhookAction = memberAction(keys(z.object({ webhookId: z.string().min(1).max(100) })), ({ actor, input }) =>
  db.$transaction((tx) => deleteWebhook(tx, actor, input.webhookId)),
);
