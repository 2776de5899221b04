"use server";

import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { updateWorkspaceSettings, workspaceSettingsInput, type WorkspaceSettings } from "@/lib/workspace/update";

/** Workspace name and default language: the WORKSPACE permission, checked on the server. */
export async function updateWorkspaceAction(input: unknown): Promise<ActionResult<WorkspaceSettings>> {
  // The name shows in every page's sidebar.
  return runAction(async () => {
    const actor = await requireMemberForAction("WORKSPACE");
    const settings = parseOrThrow(workspaceSettingsInput, input);
    return db.$transaction((tx) => updateWorkspaceSettings(tx, actor, settings));
  }, { path: "/", type: "layout" });
}
