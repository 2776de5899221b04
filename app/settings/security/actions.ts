"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { maxHoursSchema } from "@/lib/access-requests/input";
import { setAccessRequestMaxHours } from "@/lib/access-requests/requests";
import { setRoleChangesNeedApproval } from "@/lib/access-requests/proposals";

/** The workspace's longest access request (SPEC §18); the use case checks `Security` again. */
export async function setAccessRequestMaxHoursAction(input: unknown): Promise<ActionResult<undefined>> {
  return runAction(
    async () => {
      const member = await requireMemberForAction("SECURITY");
      const { hours } = parseOrThrow(z.strictObject({ hours: maxHoursSchema }), input);
      await db.$transaction((tx) => setAccessRequestMaxHours(tx, member, hours));
      return undefined;
    },
    { path: "/settings/security" },
  );
}

/** `Role changes need approval` (SPEC §18); only an Admin switches it (the use case decides). */
export async function setRoleChangesNeedApprovalAction(input: unknown): Promise<ActionResult<undefined>> {
  return runAction(
    async () => {
      const member = await requireMemberForAction("SECURITY");
      const { on } = parseOrThrow(z.strictObject({ on: z.boolean() }), input);
      await db.$transaction((tx) => setRoleChangesNeedApproval(tx, member, on));
      return undefined;
    },
    { path: "/settings/security" },
  );
}
