"use server";

/** Server actions of `Share` on a record page (SPEC §19): thin, the use cases decide. */
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { shareInput, shareRecord, unshareRecord, type RecordShareView } from "@/lib/records/shares";

const name = z.string().min(1).max(100);
const shareActionInput = shareInput.extend({ object: name, id: name });
const unshareActionInput = z.object({ object: name, id: name, shareId: name });

const run = <T,>(work: () => Promise<T>) => runAction(work, { path: "/objects", type: "layout" });

export async function shareRecordAction(input: unknown): Promise<ActionResult<RecordShareView>> {
  return run(async () => {
    const member = await requireMemberForAction();
    const { object, id, ...share } = parseOrThrow(shareActionInput, input);
    return db.$transaction((tx) => shareRecord(tx, member, object, id, share));
  });
}

export async function unshareRecordAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return run(async () => {
    const member = await requireMemberForAction();
    const { object, id, shareId } = parseOrThrow(unshareActionInput, input);
    return db.$transaction((tx) => unshareRecord(tx, member, object, id, shareId));
  });
}
