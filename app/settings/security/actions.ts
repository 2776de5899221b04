"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { maxHoursSchema } from "@/lib/access-requests/input";
import { setAccessRequestMaxHours } from "@/lib/access-requests/requests";

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
