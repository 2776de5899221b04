"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { PRINCIPAL_KINDS } from "@/lib/permissions";
import { roleDraft } from "@/lib/roles/draft";
import { createRole } from "@/lib/roles/save";
import { assignPermissionSet, unassignPermissionSet } from "@/lib/permission-sets/assignment";

// Permission sets (docs/reference.md §17) live beside roles: the same ROLES permission, the same page.
const SETTINGS: Revalidation = { path: "/settings", type: "layout" };
const sets = <Schema extends z.ZodType>(schema: Schema) => ({ schema, permission: "ROLES" as const, revalidate: SETTINGS });

const id = z.string().min(1).max(100);
const target = z.object({ kind: z.enum(PRINCIPAL_KINDS), id });
const until = z.iso.datetime({ offset: true }).nullable();

export const createPermissionSetAction = memberAction(sets(roleDraft), ({ actor, input }) => db.$transaction((tx) => createRole(tx, actor, input, "created", [], "set")));

export const assignPermissionSetAction = memberAction(sets(z.object({ setId: id, target, until: until.optional() })), async ({ actor, input }) => {
  await db.$transaction((tx) => assignPermissionSet(tx, actor, input.setId, input.target, input.until ? new Date(input.until) : null));
  return undefined;
});

export const unassignPermissionSetAction = memberAction(sets(z.object({ setId: id, target })), async ({ actor, input }) => {
  await db.$transaction((tx) => unassignPermissionSet(tx, actor, input.setId, input.target));
  return undefined;
});
