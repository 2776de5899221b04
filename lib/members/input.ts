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
