"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { sendRecordEmail, type SentEmail } from "@/lib/email/send";

const input = z.object({
  object: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
  // Lengths and emptiness are checked by lib/email, which names the offending field.
  subject: z.string().max(10_000),
  body: z.string().max(100_000),
});

/** Sends an e-mail to a record's address (stored in the outbox); refused without SEND_EMAIL. */
export async function sendEmailAction(raw: z.input<typeof input>): Promise<ActionResult<SentEmail>> {
  return runAction(async () => {
    const member = await requireMemberForAction();
    const email = parseOrThrow(input, raw);
    return db.$transaction((tx) => sendRecordEmail(tx, member, email));
  }, { path: "/outbox" });
}
