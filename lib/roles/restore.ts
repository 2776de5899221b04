import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { roleDraft } from "./draft";
import { updateRole } from "./save";

/** Saves an old version as the role's next one, through the normal save. */
export async function restoreRoleVersion(tx: Tx, actor: Principal, roleId: string, versionId: string, expectedVersion: number) {
  const row = await tx.roleVersion.findFirst({ where: { id: versionId, roleId, workspaceId: actor.workspaceId } });
  if (!row) throw new DomainError("NOT_FOUND");
  const draft = roleDraft.safeParse(JSON.parse(row.definition));
  if (!draft.success) throw new DomainError("VALIDATION_FAILED");
  return updateRole(tx, actor, roleId, expectedVersion, draft.data, "restored");
}
