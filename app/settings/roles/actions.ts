"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { DomainError } from "@/lib/errors";
import { PRINCIPAL_KINDS } from "@/lib/permissions";
import { roleDraft } from "@/lib/roles/draft";
import { roleFile } from "@/lib/roles/role-file";
import { createRole, updateRole } from "@/lib/roles/save";
import { deleteRole } from "@/lib/roles/delete";
import { restoreRoleVersion } from "@/lib/roles/restore";
import { startViewAs } from "@/lib/access/view-as";
import { countRecordsReached } from "@/lib/roles/rule-reach";
import { recordRuleDraft } from "@/lib/roles/draft";
import { getSession } from "@/lib/auth/session";
import { setDefaultRole } from "@/lib/roles/default-role";
import { assignRole, unassignRole } from "@/lib/roles/assignment";
import { parseOrThrow } from "@/lib/validation";

// Every action of the Roles settings: the ROLES permission, checked on the server each time.
const ROLES_PAGES: Revalidation = { path: "/settings/roles", type: "layout" };
const roles = <Schema extends z.ZodType>(schema: Schema) => ({ schema, permission: "ROLES" as const, revalidate: ROLES_PAGES });

const id = z.string().min(1).max(100);
const target = z.object({ kind: z.enum(PRINCIPAL_KINDS), id });
/** An expiring assignment's end (docs/reference.md §13), an instant with its offset; null or absent: for good. */
const until = z.iso.datetime({ offset: true }).nullable();

export const createRoleAction = memberAction(roles(roleDraft), ({ actor, input }) => db.$transaction((tx) => createRole(tx, actor, input)));

/** Creates a role from an exported definition file (its text), validated like any save. */
export const importRoleAction = memberAction(roles(z.object({ text: z.string().max(1_000_000) })), async ({ actor, input }) => {
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch {
    throw new DomainError("VALIDATION_FAILED", { field: "file" });
  }
  const { role, guardrails, grant } = parseOrThrow(roleFile, json);
  const created = await db.$transaction((tx) => createRole(tx, actor, role, "imported", guardrails ?? [], grant));
  return { id: created.id, name: role.name.trim() };
});

export const updateRoleAction = memberAction(roles(z.object({ roleId: id, version: z.int().positive(), draft: z.unknown() })), ({ actor, input }) => {
  // Parsed on its own so that field errors read `name`, not `draft.name`, as on creation.
  const draft = parseOrThrow(roleDraft, input.draft);
  return db.$transaction((tx) => updateRole(tx, actor, input.roleId, input.version, draft));
});

/** Saves an old version of the role as its next one (docs/reference.md §14), through the normal save. */
export const restoreRoleVersionAction = memberAction(roles(z.object({ roleId: id, versionId: id, version: z.int().positive() })), ({ actor, input }) =>
  db.$transaction((tx) => restoreRoleVersion(tx, actor, input.roleId, input.versionId, input.version)),
);

/** Starts "View as this role" (docs/reference.md §14) for this session; the records then show its read-only projection. */
export const viewAsRoleAction = memberAction(
  { ...roles(z.object({ roleId: id, setIds: z.array(id).max(20).default([]) })), revalidate: { path: "/", type: "layout" } },
  async ({ actor, input }) => {
    const started = await db.$transaction((tx) => startViewAs(tx, actor, input.roleId, input.setIds));
    const session = await getSession();
    session.viewAsRoleId = input.roleId;
    session.viewAsSetIds = input.setIds;
    await session.save();
    return started;
  },
);

/** The editor's live count: how many records a record-level rule reaches for a sample member. */
export const countRuleReachAction = memberAction({ ...roles(z.object({ object: id, rule: recordRuleDraft, memberId: id.nullable() })), revalidate: undefined }, ({ actor, input }) =>
  countRecordsReached(db, actor, input.object, input.rule, input.memberId),
);

export const deleteRoleAction = memberAction(roles(z.object({ roleId: id })), ({ actor, input }) => db.$transaction((tx) => deleteRole(tx, actor, input.roleId)));

export const setDefaultRoleAction = memberAction(roles(z.object({ roleId: id })), async ({ actor, input }) => {
  await db.$transaction((tx) => setDefaultRole(tx, actor, input.roleId));
  return undefined;
});

export const assignRoleAction = memberAction(roles(z.object({ roleId: id, target, until: until.optional() })), async ({ actor, input }) => {
  await db.$transaction((tx) => assignRole(tx, actor, input.roleId, input.target, input.until ? new Date(input.until) : null));
  return undefined;
});

export const unassignRoleAction = memberAction(roles(z.object({ roleId: id, target })), async ({ actor, input }) => {
  await db.$transaction((tx) => unassignRole(tx, actor, input.roleId, input.target));
  return undefined;
});
