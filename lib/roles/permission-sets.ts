/**
 * Reading permission sets (SPEC §17): the Roles page's second list, and the sets each member, key
 * and agent holds now, shown beside its role wherever a role is shown. A set that has ended is
 * not held from that instant on, recorded or not.
 */
import type { Tx } from "@/lib/db/prisma";
import type { PrincipalKind } from "@/lib/permissions";

export interface PermissionSetSummary {
  id: string;
  name: string;
  description: string;
  icon: string;
  /** Principals holding it now, of every kind. */
  holderCount: number;
}

/** A set a principal holds now, with its end (ISO) or null for good. */
export interface HeldSetView {
  id: string;
  name: string;
  until: string | null;
}

const liveAt = (now: Date) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/** Every set of the workspace, oldest first, with how many principals hold it now. */
export async function listPermissionSets(db: Tx, workspaceId: string, now = new Date()): Promise<PermissionSetSummary[]> {
  const sets = await db.role.findMany({
    where: { workspaceId, kind: "set" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, description: true, icon: true, _count: { select: { setAssignments: { where: liveAt(now) } } } },
  });
  return sets.map((set) => ({ id: set.id, name: set.name, description: set.description, icon: set.icon, holderCount: set._count.setAssignments }));
}

/** The sets held now by every principal of the workspace, by `kind:id`, oldest assignment first. */
export async function heldSetsByPrincipal(db: Tx, workspaceId: string, now = new Date()): Promise<Map<string, HeldSetView[]>> {
  const rows = await db.permissionSetAssignment.findMany({
    where: { workspaceId, ...liveAt(now) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { principalKind: true, principalId: true, expiresAt: true, set: { select: { id: true, name: true } } },
  });
  const held = new Map<string, HeldSetView[]>();
  for (const row of rows) {
    const key = principalKey(row.principalKind as PrincipalKind, row.principalId);
    held.set(key, [...(held.get(key) ?? []), { id: row.set.id, name: row.set.name, until: row.expiresAt?.toISOString() ?? null }]);
  }
  return held;
}

export function principalKey(kind: PrincipalKind, id: string): string {
  return `${kind}:${id}`;
}
