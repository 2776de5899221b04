"use server";

import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { addCustomField, customFieldInput } from "@/lib/metadata/fields";

/** Adds a custom field: the DATA_MODEL permission, checked on the server. */
export async function addCustomFieldAction(input: unknown): Promise<ActionResult<{ id: string; name: string; label: string; objectLabel: string }>> {
  // Records, the role editor's field tables and the API all read the data model.
  return runAction(async () => {
    const actor = await requireMemberForAction("DATA_MODEL");
    const field = parseOrThrow(customFieldInput, input);
    return db.$transaction((tx) => addCustomField(tx, actor, field));
  }, { path: "/", type: "layout" });
}
