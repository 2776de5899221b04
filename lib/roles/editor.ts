import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { RoleDraft } from "@/lib/permissions";
import { loadRoleRow, roleToDraft } from "./store";

export { roleToDraft } from "./store";

export interface RoleForEditor {
  id: string;
  kind: "role" | "set";
  version: number;
  isAdmin: boolean;
  isDefault: boolean;
  draft: RoleDraft;
}

export async function loadRoleForEditor(db: Tx, workspaceId: string, roleId: string): Promise<RoleForEditor> {
  const [role, workspace] = await Promise.all([
    loadRoleRow(db, workspaceId, roleId),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultRoleId: true } }),
  ]);
  if (!role) throw new DomainError("NOT_FOUND");
  return { id: role.id, kind: role.kind === "set" ? "set" : "role", version: role.version, isAdmin: role.isAdmin, isDefault: workspace.defaultRoleId === role.id, draft: roleToDraft(role) };
}
