"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { createScimToken, revokeScimToken, type CreatedScimToken } from "@/lib/scim/tokens";
import { addGroupMapping, deleteGroupMapping, groupMappingInput } from "@/lib/identity/mappings";
import { removeSsoSettings, saveSsoSettings, ssoSettingsInput } from "@/lib/identity/sso";

/** Settings → Security (SPEC §20): SCIM tokens and Group mappings, the `Security` permission checked each time. */
const run = <T,>(work: () => Promise<T>) => runAction(work, { path: "/settings/security", type: "page" });
const id = z.object({ id: z.string().min(1).max(100) });

export async function createScimTokenAction(input: unknown): Promise<ActionResult<CreatedScimToken>> {
  return run(async () => {
    const actor = await requireMemberForAction("SECURITY");
    const { name } = parseOrThrow(z.object({ name: z.string().trim().min(1).max(100) }), input);
    return db.$transaction((tx) => createScimToken(tx, actor, name));
  });
}

export async function revokeScimTokenAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("SECURITY");
    const { id: tokenId } = parseOrThrow(id, input);
    return db.$transaction((tx) => revokeScimToken(tx, actor, tokenId));
  });
}

export async function addGroupMappingAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("SECURITY");
    const mapping = parseOrThrow(groupMappingInput, input);
    return db.$transaction((tx) => addGroupMapping(tx, actor, mapping));
  });
}

export async function deleteGroupMappingAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("SECURITY");
    const { id: mappingId } = parseOrThrow(id, input);
    await db.$transaction((tx) => deleteGroupMapping(tx, actor, mappingId));
    return undefined;
  });
}

/** Single sign-on settings (SPEC §20); the client secret is kept when left empty. */
export async function saveSsoSettingsAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("SECURITY");
    const settings = parseOrThrow(ssoSettingsInput, input);
    await db.$transaction((tx) => saveSsoSettings(tx, actor, settings));
    return undefined;
  });
}

export async function removeSsoSettingsAction(): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("SECURITY");
    await db.$transaction((tx) => removeSsoSettings(tx, actor));
    return undefined;
  });
}
