"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction } from "@/lib/actions/member-action";
import { sendRecordEmail } from "@/lib/email/send";

const input = z.object({
  object: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
  // Lengths and emptiness are checked by lib/email, which names the offending field.
  subject: z.string().max(10_000),
  body: z.string().max(100_000),
});

/** Sends an e-mail to a record's address (stored in the outbox); refused without SEND_EMAIL. */
export const sendEmailAction = memberAction({ schema: input, revalidate: { path: "/outbox" } }, ({ actor, input: email }) =>
  db.$transaction((tx) => sendRecordEmail(tx, actor, email)),
);
