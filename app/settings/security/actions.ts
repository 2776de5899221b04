"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { createScimToken, revokeScimToken } from "@/lib/scim/tokens";
import { addGroupMapping, deleteGroupMapping, groupMappingInput } from "@/lib/identity/mappings";
import { removeSsoSettings, saveSsoSettings, ssoSettingsInput } from "@/lib/identity/sso";

/** Settings → Security (docs/reference.md §20): SCIM tokens, Group mappings and single sign-on, the `Security` permission checked each time. */
const PAGE: Revalidation = { path: "/settings/security", type: "page" };
const security = <Schema extends z.ZodType>(schema: Schema) => ({ schema, permission: "SECURITY" as const, revalidate: PAGE });
const id = z.object({ id: z.string().min(1).max(100) });

export const createScimTokenAction = memberAction(security(z.object({ name: z.string().trim().min(1).max(100) })), ({ actor, input }) =>
  db.$transaction((tx) => createScimToken(tx, actor, input.name)),
);

export const revokeScimTokenAction = memberAction(security(id), ({ actor, input }) => db.$transaction((tx) => revokeScimToken(tx, actor, input.id)));

export const addGroupMappingAction = memberAction(security(groupMappingInput), ({ actor, input }) => db.$transaction((tx) => addGroupMapping(tx, actor, input)));

export const deleteGroupMappingAction = memberAction(security(id), async ({ actor, input }) => {
  await db.$transaction((tx) => deleteGroupMapping(tx, actor, input.id));
  return undefined;
});

/** Single sign-on settings (docs/reference.md §20); the client secret is kept when left empty. */
export const saveSsoSettingsAction = memberAction(security(ssoSettingsInput), async ({ actor, input }) => {
  await db.$transaction((tx) => saveSsoSettings(tx, actor, input));
  return undefined;
});

export const removeSsoSettingsAction = memberAction(security(z.undefined().or(z.object({}))), async ({ actor }) => {
  await db.$transaction((tx) => removeSsoSettings(tx, actor));
  return undefined;
});
