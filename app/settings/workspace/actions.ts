"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireMemberForAction } from "@/lib/auth/current-member";
import { toActionErrors, type ActionResult } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { updateWorkspaceSettings, workspaceSettingsInput, type WorkspaceSettings } from "@/lib/workspace/update";

/** Workspace name and default language: the WORKSPACE permission, checked on the server. */
export async function updateWorkspaceAction(input: unknown): Promise<ActionResult<WorkspaceSettings>> {
  try {
    const actor = await requireMemberForAction("WORKSPACE");
    const data = await updateWorkspaceSettings(db, actor, parseOrThrow(workspaceSettingsInput, input));
    // The name shows in every page's sidebar.
    revalidatePath("/", "layout");
    return { ok: true, data };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}
