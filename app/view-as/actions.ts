"use server";

import { getActingMember } from "@/lib/access/current-member";
import { getSession } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { DomainError, type ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { endViewAs } from "@/lib/roles/view-as";

/** Leaves "View as" (the one action allowed while viewing): the member is themselves again. */
export async function exitViewAsAction(): Promise<ActionResult<{ roleId: string | null }>> {
  return runAction(
    async () => {
      const member = await getActingMember();
      if (!member) throw new DomainError("UNAUTHENTICATED");
      const session = await getSession();
      const roleId = session.viewAsRoleId ?? null;
      delete session.viewAsRoleId;
      delete session.viewAsSetIds;
      await session.save();
      if (roleId) await db.$transaction((tx) => endViewAs(tx, member, roleId));
      return { roleId };
    },
    { path: "/", type: "layout" },
  );
}
