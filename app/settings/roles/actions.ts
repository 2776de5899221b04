"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import { DomainError, type ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { PRINCIPAL_KINDS } from "@/lib/permissions";
import { roleDraft } from "@/lib/roles/draft";
import { roleFile } from "@/lib/roles/role-file";
import { createRole, updateRole } from "@/lib/roles/save";
import { deleteRole, type DeletedRole } from "@/lib/roles/delete";
import { restoreRoleVersion } from "@/lib/roles/restore";
import { startViewAs } from "@/lib/roles/view-as";
import { countRecordsReached } from "@/lib/roles/rule-reach";
import { recordRuleDraft } from "@/lib/roles/draft";
import { getSession } from "@/lib/auth/session";
import { setDefaultRole } from "@/lib/roles/default-role";
import { assignRole, unassignRole } from "@/lib/roles/assignment";
import { parseOrThrow } from "@/lib/validation";

/** Every action of the Roles settings: the ROLES permission, checked on the server each time. */
const run = <T,>(work: () => Promise<T>) => runAction(work, { path: "/settings/roles", type: "layout" });

const id = z.string().min(1).max(100);
const target = z.object({ kind: z.enum(PRINCIPAL_KINDS), id });
/** An expiring assignment's end (SPEC §13), an instant with its offset; null or absent: for good. */
const until = z.iso.datetime({ offset: true }).nullable();

export async function createRoleAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const draft = parseOrThrow(roleDraft, input);
    return db.$transaction((tx) => createRole(tx, actor, draft));
  });
}

/** Creates a role from an exported definition file (its text), validated like any save. */
export async function importRoleAction(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const { text } = parseOrThrow(z.object({ text: z.string().max(1_000_000) }), input);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DomainError("VALIDATION_FAILED", { field: "file" });
    }
    const { role, guardrails, grant } = parseOrThrow(roleFile, json);
    const created = await db.$transaction((tx) => createRole(tx, actor, role, "imported", guardrails ?? [], grant));
    return { id: created.id, name: role.name.trim() };
  });
}

export async function updateRoleAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const { roleId, version, draft } = parseOrThrow(z.object({ roleId: id, version: z.int().positive(), draft: z.unknown() }), input);
    // Parsed on its own so that field errors read `name`, not `draft.name`, as on creation.
    const parsed = parseOrThrow(roleDraft, draft);
    return db.$transaction((tx) => updateRole(tx, actor, roleId, version, parsed));
  });
}

/** Saves an old version of the role as its next one (SPEC §14), through the normal save. */
export async function restoreRoleVersionAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const { roleId, versionId, version } = parseOrThrow(z.object({ roleId: id, versionId: id, version: z.int().positive() }), input);
    return db.$transaction((tx) => restoreRoleVersion(tx, actor, roleId, versionId, version));
  });
}

/** Starts "View as this role" (SPEC §14) for this session; the records then show its read-only projection. */
export async function viewAsRoleAction(input: unknown): Promise<ActionResult<{ roleName: string }>> {
  return runAction(
    async () => {
      const actor = await requireMemberForAction("ROLES");
      const { roleId, setIds } = parseOrThrow(z.object({ roleId: id, setIds: z.array(id).max(20).default([]) }), input);
      const started = await db.$transaction((tx) => startViewAs(tx, actor, roleId, setIds));
      const session = await getSession();
      session.viewAsRoleId = roleId;
      session.viewAsSetIds = setIds;
      await session.save();
      return started;
    },
    { path: "/", type: "layout" },
  );
}

/** The editor's live count: how many records a record-level rule reaches for a sample member. */
export async function countRuleReachAction(input: unknown): Promise<ActionResult<{ reached: number; total: number }>> {
  return runAction(async () => {
    const actor = await requireMemberForAction("ROLES");
    const parsed = parseOrThrow(z.object({ object: id, rule: recordRuleDraft, memberId: id.nullable() }), input);
    return countRecordsReached(db, actor, parsed.object, parsed.rule, parsed.memberId);
  });
}

export async function deleteRoleAction(input: unknown): Promise<ActionResult<DeletedRole>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const { roleId } = parseOrThrow(z.object({ roleId: id }), input);
    return db.$transaction((tx) => deleteRole(tx, actor, roleId));
  });
}

export async function setDefaultRoleAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const { roleId } = parseOrThrow(z.object({ roleId: id }), input);
    await db.$transaction((tx) => setDefaultRole(tx, actor, roleId));
    return undefined;
  });
}

export async function assignRoleAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const parsed = parseOrThrow(z.object({ roleId: id, target, until: until.optional() }), input);
    await db.$transaction((tx) => assignRole(tx, actor, parsed.roleId, parsed.target, parsed.until ? new Date(parsed.until) : null));
    return undefined;
  });
}

export async function unassignRoleAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const parsed = parseOrThrow(z.object({ roleId: id, target }), input);
    await db.$transaction((tx) => unassignRole(tx, actor, parsed.roleId, parsed.target));
    return undefined;
  });
}
