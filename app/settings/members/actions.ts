"use server";

import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { inviteMemberInput, removeMemberInput } from "@/lib/members/input";
import { inviteMember, temporaryCredentials, type InvitedMember } from "@/lib/members/invite";
import { removeMember } from "@/lib/members/remove";

const run = <T,>(work: () => Promise<T>) => runAction(work, { path: "/settings", type: "layout" });

export async function inviteMemberAction(input: unknown): Promise<ActionResult<InvitedMember>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    const invitation = parseOrThrow(inviteMemberInput, input);
    const credentials = await temporaryCredentials();
    return db.$transaction((tx) => inviteMember(tx, actor, invitation, credentials));
  });
}

export async function removeMemberAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    const { memberId } = parseOrThrow(removeMemberInput, input);
    return db.$transaction((tx) => removeMember(tx, actor, memberId));
  });
}
