"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { createGuardrail, createMemberGuardrail, deleteGuardrail } from "@/lib/roles/guardrails";
import { guardrailStatement } from "@/lib/roles/role-file";

// Guardrails are part of Roles settings: the ROLES permission, checked again by the use case.
const GUARDRAILS_PAGE: Revalidation = { path: "/settings/roles/guardrails" };
const id = z.string().min(1).max(100);

// About a role or, with `memberId`, one member (docs/reference.md §17).
const about = guardrailStatement.extend({ roleId: id.optional(), memberId: id.optional() }).refine((value) => (value.roleId === undefined) !== (value.memberId === undefined), { path: ["roleId"] });

export const createGuardrailAction = memberAction({ schema: about, permission: "ROLES", revalidate: GUARDRAILS_PAGE }, ({ actor, input: { roleId, memberId, ...statement } }) =>
  db.$transaction((tx) => (memberId ? createMemberGuardrail(tx, actor, memberId, statement) : createGuardrail(tx, actor, roleId!, statement))),
);

export const deleteGuardrailAction = memberAction({ schema: z.object({ guardrailId: id }), permission: "ROLES", revalidate: GUARDRAILS_PAGE }, async ({ actor, input }) => {
  await db.$transaction((tx) => deleteGuardrail(tx, actor, input.guardrailId));
  return undefined;
});
