"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireMemberForAction } from "@/lib/auth/current-member";
import { toActionErrors, type ActionResult } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { addCustomField, customFieldInput } from "@/lib/metadata/fields";

/** Adds a custom field: the DATA_MODEL permission, checked on the server. */
export async function addCustomFieldAction(input: unknown): Promise<ActionResult<{ id: string; name: string; label: string; objectLabel: string }>> {
  try {
    const actor = await requireMemberForAction("DATA_MODEL");
    const data = await addCustomField(db, actor, parseOrThrow(customFieldInput, input));
    // Records, the role editor's field tables and the API all read the data model.
    revalidatePath("/", "layout");
    return { ok: true, data };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}
