"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireMemberForAction } from "@/lib/auth/current-member";
import { toActionErrors, type ActionResult } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { inviteMemberInput, removeMemberInput } from "@/lib/members/input";
import { inviteMember, type InvitedMember } from "@/lib/members/invite";
import { removeMember } from "@/lib/members/remove";

/** Every action of the Members settings: the MEMBERS permission, checked on the server each time. */
async function run<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await work();
    revalidatePath("/settings", "layout");
    return { ok: true, data };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}

export async function inviteMemberAction(input: unknown): Promise<ActionResult<InvitedMember>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    return inviteMember(db, actor, parseOrThrow(inviteMemberInput, input));
  });
}

export async function removeMemberAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    const { memberId } = parseOrThrow(removeMemberInput, input);
    return removeMember(db, actor, memberId);
  });
}
