"use server";

import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { inviteMemberInput, removeMemberInput } from "@/lib/members/input";
import { inviteMember, temporaryCredentials } from "@/lib/members/invite";
import { removeMember } from "@/lib/members/remove";

const SETTINGS: Revalidation = { path: "/settings", type: "layout" };

export const inviteMemberAction = memberAction({ schema: inviteMemberInput, permission: "MEMBERS", revalidate: SETTINGS }, async ({ actor, input }) => {
  const credentials = await temporaryCredentials();
  return db.$transaction((tx) => inviteMember(tx, actor, input, credentials));
});

export const removeMemberAction = memberAction({ schema: removeMemberInput, permission: "MEMBERS", revalidate: SETTINGS }, ({ actor, input }) =>
  db.$transaction((tx) => removeMember(tx, actor, input.memberId)),
);
