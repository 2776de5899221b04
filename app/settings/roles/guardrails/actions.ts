"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { createGuardrail, createMemberGuardrail, deleteGuardrail } from "@/lib/roles/guardrails";
import { guardrailStatement } from "@/lib/roles/role-file";
import { parseOrThrow } from "@/lib/validation";

/** Guardrails are part of Roles settings: the ROLES permission, checked again by the use case. */
const run = <T,>(work: () => Promise<T>) => runAction(work, { path: "/settings/roles/guardrails" });

const id = z.string().min(1).max(100);

export async function createGuardrailAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    // About a role or, with `memberId`, one member (SPEC §17).
    const about = guardrailStatement.extend({ roleId: id.optional(), memberId: id.optional() }).refine((value) => (value.roleId === undefined) !== (value.memberId === undefined), { path: ["roleId"] });
    const { roleId, memberId, ...statement } = parseOrThrow(about, input);
    return db.$transaction((tx) => (memberId ? createMemberGuardrail(tx, actor, memberId, statement) : createGuardrail(tx, actor, roleId!, statement)));
  });
}

export async function deleteGuardrailAction(input: unknown): Promise<ActionResult<undefined>> {
  return run(async () => {
    const actor = await requireMemberForAction("ROLES");
    const { guardrailId } = parseOrThrow(z.object({ guardrailId: id }), input);
    await db.$transaction((tx) => deleteGuardrail(tx, actor, guardrailId));
    return undefined;
  });
}
