"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction, type Revalidation } from "@/lib/actions/member-action";
import { createGuardrail, deleteGuardrail } from "@/lib/roles/guardrails";
import { guardrailStatement } from "@/lib/roles/role-file";

// Guardrails are part of Roles settings: the ROLES permission, checked again by the use case.
const GUARDRAILS_PAGE: Revalidation = { path: "/settings/roles/guardrails" };
const id = z.string().min(1).max(100);

export const createGuardrailAction = memberAction(
  { schema: guardrailStatement.extend({ roleId: id }), permission: "ROLES", revalidate: GUARDRAILS_PAGE },
  ({ actor, input: { roleId, ...statement } }) => db.$transaction((tx) => createGuardrail(tx, actor, roleId, statement)),
);

export const deleteGuardrailAction = memberAction({ schema: z.object({ guardrailId: id }), permission: "ROLES", revalidate: GUARDRAILS_PAGE }, async ({ actor, input }) => {
  await db.$transaction((tx) => deleteGuardrail(tx, actor, input.guardrailId));
  return undefined;
});
