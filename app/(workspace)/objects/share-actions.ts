"use server";

/** Server actions of `Share` on a record page (docs/reference.md §19): thin, the use cases decide. */
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { shareInput, shareRecord, unshareRecord } from "@/lib/records/shares";

const name = z.string().min(1).max(100);
const shareActionInput = shareInput.extend({ object: name, id: name });
const unshareActionInput = z.object({ object: name, id: name, shareId: name });

const OBJECTS: Revalidation = { path: "/objects", type: "layout" };

export const shareRecordAction = memberAction({ schema: shareActionInput, revalidate: OBJECTS }, ({ actor, input: { object, id, ...share } }) =>
  db.$transaction((tx) => shareRecord(tx, actor, object, id, share)),
);

export const unshareRecordAction = memberAction({ schema: unshareActionInput, revalidate: OBJECTS }, ({ actor, input: { object, id, shareId } }) =>
  db.$transaction((tx) => unshareRecord(tx, actor, object, id, shareId)),
);
