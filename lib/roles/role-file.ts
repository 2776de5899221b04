import { z } from "zod";
import { roleDraft, type RoleDraft } from "./draft";

/**
 * Roles as files (config as code): a versioned envelope around the same draft the editor saves,
 * keyed by object and field names so a definition moves between workspaces.
 */
export const ROLE_FILE_KIND = "rolecall.role";
export const ROLE_FILE_VERSION = 1;

export const roleFile = z.object({
  kind: z.literal(ROLE_FILE_KIND),
  version: z.literal(ROLE_FILE_VERSION),
  role: roleDraft,
});

export function toRoleFile(draft: RoleDraft) {
  return { kind: ROLE_FILE_KIND, version: ROLE_FILE_VERSION, role: draft };
}
