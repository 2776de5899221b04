"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import { getSession } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { changePassword, changePasswordInput, preparePasswordChange, signOutOtherSessions } from "@/lib/auth/account";

/** The caller's own session, which every "end the other sessions" keeps. */
async function thisSession(): Promise<string | null> {
  return (await getSession()).sessionId ?? null;
}

/** Open to a member who must replace a temporary password: it is how they replace it. */
export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireMemberForAction(undefined, { allowTemporaryPassword: true });
    const change = await preparePasswordChange(db, actor, parseOrThrow(changePasswordInput, input));
    const current = await thisSession();
    await db.$transaction((tx) => changePassword(tx, actor, change, current));
    return undefined;
  }, { path: "/", type: "layout" });
}

export async function signOutOtherSessionsAction(): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireMemberForAction();
    const current = await thisSession();
    await db.$transaction((tx) => signOutOtherSessions(tx, actor, current));
    return undefined;
  });
}

/** The temporary-password page's form: same rule, then on into the app. */
export async function replaceTemporaryPasswordAction(input: unknown): Promise<ActionResult> {
  const result = await changePasswordAction(input);
  if (result.ok) redirect("/");
  return result;
}
