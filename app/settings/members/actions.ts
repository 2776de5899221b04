"use server";

import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { deleteTeamInput, inviteMemberInput, removeMemberInput, setManagerInput, teamInput, updateTeamInput } from "@/lib/members/input";
import { createTeam, deleteTeam, setManager, updateTeam } from "@/lib/members/org-admin";
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

export const setManagerAction = memberAction({ schema: setManagerInput, permission: "MEMBERS", revalidate: SETTINGS }, ({ actor, input }) =>
  db.$transaction((tx) => setManager(tx, actor, input)),
);

export const createTeamAction = memberAction({ schema: teamInput, permission: "MEMBERS", revalidate: SETTINGS }, ({ actor, input }) =>
  db.$transaction((tx) => createTeam(tx, actor, input)),
);

export const updateTeamAction = memberAction({ schema: updateTeamInput, permission: "MEMBERS", revalidate: SETTINGS }, ({ actor, input: { teamId, ...team } }) =>
  db.$transaction((tx) => updateTeam(tx, actor, teamId, team)),
);

export const deleteTeamAction = memberAction({ schema: deleteTeamInput, permission: "MEMBERS", revalidate: SETTINGS }, ({ actor, input }) =>
  db.$transaction((tx) => deleteTeam(tx, actor, input.teamId)),
);
