"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { PRINCIPAL_KINDS } from "@/lib/permissions";
import { roleDraft } from "@/lib/roles/draft";
import { createRole } from "@/lib/roles/save";
import { assignPermissionSet, unassignPermissionSet } from "@/lib/permission-sets/assignment";
import { parseOrThrow } from "@/lib/validation";

/** Permission sets (SPEC §17) live beside roles: the same ROLES permission, the same page. */
const run = <T,>(work: () => Promise<T>) => runAction(work, { path: "/settings", type: "layout" });

const id = z.string().min(1).max(100);
const target = z.object({ kind: z.enum(PRINCIPAL_KINDS), id });
const until = z.iso.datetime({ offset: true }).nullable();

export async function createPermissionSetAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const draft = parseOrThrow(roleDraft, input);
    return db.$transaction((tx) => createRole(tx, actor, draft, "created", [], "set"));
  });
}

export async function assignPermissionSetAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const parsed = parseOrThrow(z.object({ setId: id, target, until: until.optional() }), input);
    await db.$transaction((tx) => assignPermissionSet(tx, actor, parsed.setId, parsed.target, parsed.until ? new Date(parsed.until) : null));
    return undefined;
  });
}

export async function unassignPermissionSetAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const parsed = parseOrThrow(z.object({ setId: id, target }), input);
    await db.$transaction((tx) => unassignPermissionSet(tx, actor, parsed.setId, parsed.target));
    return undefined;
  });
}
