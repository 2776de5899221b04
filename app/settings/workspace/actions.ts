"use server";

import { db } from "@/lib/db/prisma";
import { memberAction } from "@/lib/actions/member-action";
import { updateWorkspaceSettings, workspaceSettingsInput } from "@/lib/workspace/update";

/** Workspace name and default language: the WORKSPACE permission, checked on the server. */
export const updateWorkspaceAction = memberAction(
  // The name shows in every page's sidebar.
  { schema: workspaceSettingsInput, permission: "WORKSPACE", revalidate: { path: "/", type: "layout" } },
  ({ actor, input }) => db.$transaction((tx) => updateWorkspaceSettings(tx, actor, input)),
);
