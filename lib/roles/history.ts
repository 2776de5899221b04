/**
 * Role history (SPEC §14): every save, import, restore and deletion stores an immutable version
 * of the role's definition, in the transaction of the change, with who made it and when.
 * A restore is a normal save of an old version (validation, authority, audit), never a rewrite.
 */
import type { Tx } from "@/lib/db/prisma";
import type { AuditActor } from "@/lib/audit/log";
import { roleDraft, type RoleDraft } from "./draft";
import { roleToDraft, type RoleWithDefinition } from "./store";

export const ROLE_CHANGES = ["baseline", "created", "imported", "updated", "restored", "deleted"] as const;
export type RoleChange = (typeof ROLE_CHANGES)[number];

export interface RoleVersionView {
  id: string;
  version: number;
  change: RoleChange;
  draft: RoleDraft;
  actorLabel: string;
  createdAt: string;
}

export async function recordRoleVersion(tx: Tx, actor: AuditActor, role: { id: string; version: number }, change: RoleChange, draft: RoleDraft) {
  await tx.roleVersion.create({
    data: {
      workspaceId: actor.workspaceId,
      roleId: role.id,
      version: role.version,
      change,
      definition: JSON.stringify(draft),
      actorType: actor.kind,
      actorId: actor.id,
      actorLabel: actor.label,
    },
  });
}

/**
 * A role that predates history (the seed's, or one saved before history existed) gets its state
 * kept as a baseline before its first recorded change, so that change has something to differ from.
 */
export async function ensureBaselineVersion(tx: Tx, workspaceId: string, role: RoleWithDefinition) {
  if ((await tx.roleVersion.count({ where: { roleId: role.id } })) > 0) return;
  await recordRoleVersion(tx, { kind: "system", id: null, label: "Rolecall", workspaceId }, role, "baseline", roleToDraft(role));
}

/** Newest first. A version whose stored definition no longer parses is left out rather than shown wrong. */
export async function listRoleVersions(db: Tx, workspaceId: string, roleId: string): Promise<RoleVersionView[]> {
  const rows = await db.roleVersion.findMany({ where: { workspaceId, roleId }, orderBy: [{ version: "desc" }, { createdAt: "desc" }], take: 200 });
  return rows.flatMap((row) => {
    const draft = roleDraft.safeParse(JSON.parse(row.definition));
    if (!draft.success) return [];
    return [{ id: row.id, version: row.version, change: row.change as RoleChange, draft: draft.data, actorLabel: row.actorLabel, createdAt: row.createdAt.toISOString() }];
  });
}
