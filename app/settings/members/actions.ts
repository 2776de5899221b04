"use server";

import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { deleteTeamInput, inviteMemberInput, removeMemberInput, setManagerInput, teamInput, updateTeamInput } from "@/lib/members/input";
import { createTeam, deleteTeam, setManager, updateTeam } from "@/lib/members/org-admin";
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

export async function setManagerAction(input: unknown): Promise<ActionResult<{ name: string; managerName: string | null }>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    const parsed = parseOrThrow(setManagerInput, input);
    return db.$transaction((tx) => setManager(tx, actor, parsed));
  });
}

export async function createTeamAction(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    const parsed = parseOrThrow(teamInput, input);
    return db.$transaction((tx) => createTeam(tx, actor, parsed));
  });
}

export async function updateTeamAction(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    const { teamId, ...team } = parseOrThrow(updateTeamInput, input);
    return db.$transaction((tx) => updateTeam(tx, actor, teamId, team));
  });
}

export async function deleteTeamAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("MEMBERS");
    const { teamId } = parseOrThrow(deleteTeamInput, input);
    return db.$transaction((tx) => deleteTeam(tx, actor, teamId));
  });
}
