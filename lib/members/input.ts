import { z } from "zod";

export const MEMBER_NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

/** Emails are stored trimmed and lower-cased, as sign-in looks them up. */
export const inviteMemberInput = z.object({
  name: z.string().trim().min(1).max(MEMBER_NAME_MAX_LENGTH),
  email: z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH).pipe(z.email()),
});

export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const removeMemberInput = z.object({ memberId: z.string().min(1).max(100) });

const id = z.string().min(1).max(100);

/** docs/reference.md §19: `Manager` on a member; null clears it. */
export const setManagerInput = z.object({ memberId: id, managerId: id.nullable() });
export type SetManagerInput = z.infer<typeof setManagerInput>;

export const TEAM_NAME_MAX_LENGTH = 100;
/** A team: its name (uniqueness and emptiness are the use case's, for a precise message), lead and members. */
export const teamInput = z.object({
  name: z.string().max(1000),
  leadId: id.nullable(),
  memberIds: z.array(id).max(1000),
});
export type TeamInput = z.infer<typeof teamInput>;
export const updateTeamInput = teamInput.extend({ teamId: id });
export const deleteTeamInput = z.object({ teamId: id });
