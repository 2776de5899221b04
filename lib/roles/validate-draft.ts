import type { Tx } from "@/lib/db/prisma";
import { domainErrors, type ActionError } from "@/lib/errors";
import { validateRoleDefinition, validateRoleName, type RoleIssue } from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { isRoleIconKey } from "./icons";
import { draftToDefinition, type RoleDraft } from "./draft";

/**
 * Where an engine issue shows in the editor: `baseline.edit`, `object.person.edit`,
 * `field.person.email`, `settings.ROLES`, `actions.EXPORT_CSV`, `assignableTo.agent`.
 */
export function issueField(issue: RoleIssue): string {
  // Record-level issues show beside their condition in the object rule's Record-level section.
  if (issue.code.startsWith("RECORD_RULE") || issue.condition !== undefined) {
    return `record.${issue.object}${issue.condition !== undefined ? `.${issue.condition}` : ""}`;
  }
  if (issue.field && issue.object) return `field.${issue.object}.${issue.field}`;
  if (issue.object) return `object.${issue.object}${issue.action ? `.${issue.action}` : ""}`;
  if (issue.code === "UNKNOWN_SETTING") return `settings.${issue.key}`;
  if (issue.code === "UNKNOWN_ACTION") return `actions.${issue.key}`;
  if (issue.code === "ADMIN_NOT_ASSIGNABLE_TO_AGENT") return "assignableTo.agent";
  return `baseline${issue.action ? `.${issue.action}` : ""}`;
}

/** Throws every problem of a draft at once, each located for the editor (SPEC §8). */
export async function assertValidDraft(db: Tx, workspaceId: string, draft: RoleDraft, excludeRoleId?: string) {
  const errors: ActionError[] = [];
  const others = await db.role.findMany({
    where: { workspaceId, ...(excludeRoleId ? { id: { not: excludeRoleId } } : {}) },
    select: { name: true },
  });
  const nameIssue = validateRoleName(draft.name, others.map((role) => role.name));
  if (nameIssue) errors.push({ code: nameIssue.code, field: "name" });
  if (!isRoleIconKey(draft.icon)) errors.push({ code: "VALIDATION_FAILED", field: "icon" });

  const schema = await loadWorkspaceSchema(db, workspaceId);
  for (const issue of validateRoleDefinition(draftToDefinition(draft), schema)) {
    errors.push({ code: issue.code, field: issueField(issue) });
  }
  if (errors.length > 0) throw domainErrors(errors);
}
