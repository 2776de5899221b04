/**
 * Guardrails (SPEC §14) as use cases: list them with their status, add and delete them, and the
 * check every role change runs in its own transaction. Judging is the engine's (checkGuardrails);
 * this module reads the rows, names the statements with the workspace's labels and refuses.
 */
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { assertAdmin, assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { memberPrincipal } from "@/lib/access/principal";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { writeAudit } from "@/lib/audit/log";
import {
  checkGuardrail,
  checkGuardrails,
  guardrailPermission,
  validateGuardrail,
  type EffectivePermissions,
  type Guardrail,
  type GuardrailMode,
} from "@/lib/permissions";
import { lockAdministration } from "@/lib/workspace/administration-lock";

/** What a guardrail says, without its role: the shape of forms, role files and the REST answer. */
export interface GuardrailStatement {
  mode: GuardrailMode;
  action: string;
  object: string | null;
  field: string | null;
}

/** The catalog parameters of a statement (`guardrails.statement`, `errors.GUARDRAIL_BROKEN`). */
export type StatementParams = Record<"role" | "mode" | "kind" | "action" | "object" | "field" | "key", string>;

interface ObjectLabels {
  nameSingular: string;
  labelPlural: string;
  fields: { name: string; label: string }[];
}

/** Names the statement with the workspace's labels, as `permissions.name` names a permission. */
export function statementParams(guardrail: Omit<Guardrail, "id" | "subjectId">, roleName: string, objects: readonly ObjectLabels[]): StatementParams {
  const params = { role: roleName, mode: guardrail.mode, kind: "none", action: "", object: "", field: "", key: "" };
  const permission = guardrailPermission(guardrail);
  if (!permission) return { ...params, kind: "action", key: guardrail.action };
  if (permission.kind === "setting" || permission.kind === "action") return { ...params, kind: permission.kind, key: permission.key };
  const object = objects.find((candidate) => candidate.nameSingular === permission.object);
  const field = permission.kind === "field" ? (object?.fields.find((candidate) => candidate.name === permission.field)?.label ?? permission.field) : "";
  return { ...params, kind: permission.kind, action: permission.action, object: object?.labelPlural ?? permission.object, field };
}

const GUARDRAIL_SUBJECT_INCLUDE = { role: { select: { name: true } }, member: { select: { user: { select: { name: true } } } } } as const;

/** The name a statement starts with: its role's, or its member's. */
function subjectName(row: { role: { name: string } | null; member: { user: { name: string } } | null }): string {
  return row.member?.user.name ?? row.role?.name ?? "";
}

const translateStatement = createTranslator({ locale: "en", messages: en, namespace: "guardrails" });

/** "Intern must never See field Address on People": English, for REST answers and the audit log. */
export function englishStatement(params: StatementParams): string {
  return translateStatement("statement", params);
}

async function objectLabels(tx: Tx, workspaceId: string): Promise<ObjectLabels[]> {
  return tx.objectMetadata.findMany({ where: { workspaceId }, select: { nameSingular: true, labelPlural: true, fields: { select: { name: true, label: true } } } });
}

type GuardrailRow = { id: string; roleId: string | null; memberId: string | null; mode: string; action: string; object: string | null; field: string | null };

function toGuardrail(row: GuardrailRow): Guardrail {
  return { id: row.id, subjectId: (row.memberId ?? row.roleId)!, mode: row.mode as GuardrailMode, action: row.action, object: row.object, field: row.field };
}

/** What a guardrail is about (SPEC §17): a role (for each holder, whatever their sets) or one member. */
export type GuardrailSubject = { kind: "role"; id: string; name: string } | { kind: "member"; id: string; name: string };

/**
 * The check of every role change (save, import, restore), run in its transaction once the new
 * definition is resolved. A change is refused when it breaks a guardrail that held before it;
 * one already broken (say, its field was removed from the data model) does not block unrelated
 * saves, and the Guardrails page shows it broken.
 */
export async function assertGuardrailsHold(
  tx: Tx,
  workspaceId: string,
  subject: { id: string; name: string; kind?: GuardrailSubject["kind"] },
  before: EffectivePermissions | null,
  after: EffectivePermissions,
  extra: readonly Guardrail[] = [],
): Promise<void> {
  const about = subject.kind === "member" ? { memberId: subject.id } : { roleId: subject.id };
  const rows = await tx.guardrail.findMany({ where: { workspaceId, ...about }, orderBy: { createdAt: "asc" } });
  const role = subject;
  for (const guardrail of [...rows.map(toGuardrail), ...extra]) {
    if (checkGuardrail(guardrail, after).holds) continue;
    if (before && !checkGuardrail(guardrail, before).holds) continue;
    const params = statementParams(guardrail, role.name, await objectLabels(tx, workspaceId));
    throw new DomainError("GUARDRAIL_BROKEN", { params });
  }
}

export interface GuardrailStatus extends GuardrailStatement {
  id: string;
  /** The role it is about, or null for a guardrail about a member. */
  roleId: string | null;
  /** The member it is about (SPEC §17), or null for a guardrail about a role. */
  memberId: string | null;
  /** The name of what it is about: the role's, or the member's. */
  roleName: string;
  holds: boolean;
  reason: string;
  statement: string;
  params: StatementParams;
  createdAt: Date;
  createdBy: string;
}

/**
 * Every guardrail of the workspace, judged now: one about a role against the role's current
 * permissions, one about a member against everything she holds now (role and sets).
 */
export async function listGuardrails(db: Tx, workspaceId: string): Promise<GuardrailStatus[]> {
  const [rows, objects] = await Promise.all([
    db.guardrail.findMany({ where: { workspaceId }, include: GUARDRAIL_SUBJECT_INCLUDE, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    objectLabels(db, workspaceId),
  ]);
  const subjects = new Map<string, { id: string; name: string; permissions: Promise<EffectivePermissions | null> }>();
  for (const row of rows) {
    const id = toGuardrail(row).subjectId;
    if (subjects.has(id)) continue;
    const permissions = row.memberId
      ? memberPrincipal(db, row.memberId).then((principal) => principal?.permissions ?? null)
      : loadRolePermissions(db, workspaceId, row.roleId!);
    subjects.set(id, { id, name: subjectName(row), permissions });
  }
  const judged = await Promise.all([...subjects.values()].map(async (subject) => ({ ...subject, permissions: await subject.permissions })));
  const results = checkGuardrails(rows.map(toGuardrail), judged.filter((subject): subject is typeof subject & { permissions: EffectivePermissions } => subject.permissions !== null));
  return rows.map((row, index) => {
    const statement: GuardrailStatement = { mode: row.mode as GuardrailMode, action: row.action, object: row.object, field: row.field };
    const params = statementParams(statement, subjectName(row), objects);
    return {
      ...statement,
      id: row.id,
      roleId: row.roleId,
      memberId: row.memberId,
      roleName: subjectName(row),
      holds: results[index].holds,
      reason: results[index].reason,
      statement: englishStatement(params),
      params,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
    };
  });
}

/** Refuses a statement the engine cannot judge in this workspace, or one its subject already has. */
export async function assertValidStatement(tx: Tx, workspaceId: string, about: { roleId: string } | { memberId: string } | null, statement: GuardrailStatement, field = "guardrail"): Promise<void> {
  const issue = validateGuardrail(statement, await loadWorkspaceSchema(tx, workspaceId));
  if (issue) throw new DomainError(issue, { field });
  if (!about) return;
  const twin = await tx.guardrail.findFirst({ where: { workspaceId, ...about, action: statement.action, object: statement.object, field: statement.field }, select: { id: true } });
  if (twin) throw new DomainError("DUPLICATE_RULE", { field });
}

/**
 * Adds a guardrail. It needs the Roles permission and, for a non-Admin, a role within their
 * authority (one they could edit anyway); the Admin role cannot be edited, so a statement about
 * it would say nothing. A statement the role breaks today may be added: it shows broken, and the
 * next save of that role is not blocked by it (see assertGuardrailsHold).
 */
export async function createGuardrail(tx: Tx, actor: Principal, roleId: string, statement: GuardrailStatement): Promise<{ id: string }> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  // Guardrails are about roles or members (SPEC §14, §17): a set is held beside a role, never alone.
  const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId, kind: "role" }, select: { id: true, name: true, isAdmin: true } });
  if (!role) throw new DomainError("NOT_FOUND", { field: "roleId" });
  if (role.isAdmin) throw new DomainError("ADMIN_NOT_EDITABLE", { field: "roleId" });
  await assertRoleIdWithinAuthority(tx, actor, authority, roleId, "roleId");
  await assertValidStatement(tx, actor.workspaceId, { roleId }, statement);
  return addGuardrail(tx, actor, { roleId }, role.name, statement);
}

/**
 * A guardrail about one member (SPEC §17: `Ian Intern must never …`), judged on everything she
 * holds: her role and her sets. The member's role must be within the actor's authority, and an
 * Admin member has every permission, so a statement about one says nothing.
 */
export async function createMemberGuardrail(tx: Tx, actor: Principal, memberId: string, statement: GuardrailStatement): Promise<{ id: string }> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  const member = await tx.workspaceMember.findFirst({ where: { id: memberId, workspaceId: actor.workspaceId }, select: { roleId: true, role: { select: { isAdmin: true } }, user: { select: { name: true } } } });
  if (!member) throw new DomainError("NOT_FOUND", { field: "memberId" });
  if (member.role.isAdmin) throw new DomainError("ADMIN_NOT_EDITABLE", { field: "memberId" });
  await assertRoleIdWithinAuthority(tx, actor, authority, member.roleId, "memberId");
  await assertValidStatement(tx, actor.workspaceId, { memberId }, statement);
  return addGuardrail(tx, actor, { memberId }, member.user.name, statement);
}

async function addGuardrail(tx: Tx, actor: Principal, about: { roleId: string } | { memberId: string }, name: string, statement: GuardrailStatement): Promise<{ id: string }> {
  const row = await tx.guardrail.create({ data: { workspaceId: actor.workspaceId, ...about, ...statement, createdBy: actor.label } });
  const label = englishStatement(statementParams(statement, name, await objectLabels(tx, actor.workspaceId)));
  await writeAudit(tx, actor, { action: "guardrail.created", targetType: "guardrail", targetId: row.id, roleId: "roleId" in about ? about.roleId : null, targetLabel: label, after: { ...statement, ...about } });
  return { id: row.id };
}

/** Deleting a guardrail loosens the protection others put in place: only Admins may. */
export async function deleteGuardrail(tx: Tx, actor: Principal, guardrailId: string): Promise<void> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  assertAdmin(authority);
  const row = await tx.guardrail.findFirst({ where: { id: guardrailId, workspaceId: actor.workspaceId }, include: GUARDRAIL_SUBJECT_INCLUDE });
  if (!row) throw new DomainError("NOT_FOUND");
  await tx.guardrail.delete({ where: { id: row.id } });
  const statement: GuardrailStatement = { mode: row.mode as GuardrailMode, action: row.action, object: row.object, field: row.field };
  const label = englishStatement(statementParams(statement, subjectName(row), await objectLabels(tx, actor.workspaceId)));
  await writeAudit(tx, actor, { action: "guardrail.deleted", targetType: "guardrail", targetId: row.id, roleId: row.roleId, targetLabel: label, before: statement });
}

/** The statements about a role, for its JSON export (roles as code). */
export async function roleGuardrailStatements(db: Tx, workspaceId: string, roleId: string): Promise<GuardrailStatement[]> {
  const rows = await db.guardrail.findMany({ where: { workspaceId, roleId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ mode: row.mode as GuardrailMode, action: row.action, object: row.object, field: row.field }));
}
