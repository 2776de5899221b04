"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction } from "@/lib/actions/member-action";
import { getSession } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { changePassword, changePasswordInput, preparePasswordChange, signOutOtherSessions } from "@/lib/auth/account";

/** The caller's own session, which every "end the other sessions" keeps. */
async function thisSession(): Promise<string | null> {
  return (await getSession()).sessionId ?? null;
}

/** Open to a member who must replace a temporary password: it is how they replace it. */
export const changePasswordAction = memberAction(
  { schema: changePasswordInput, allowTemporaryPassword: true, revalidate: { path: "/", type: "layout" } },
  async ({ actor, input }) => {
    const change = await preparePasswordChange(db, actor, input);
    const current = await thisSession();
    await db.$transaction((tx) => changePassword(tx, actor, change, current));
    return undefined;
  },
);

export const signOutOtherSessionsAction = memberAction({ schema: z.undefined() }, async ({ actor }) => {
  const current = await thisSession();
  await db.$transaction((tx) => signOutOtherSessions(tx, actor, current));
  return undefined;
});

/** The temporary-password page's form: same rule, then on into the app. */
export async function replaceTemporaryPasswordAction(input: unknown): Promise<ActionResult> {
  const result = await changePasswordAction(input);
  if (result.ok) redirect("/");
  return result;
}
