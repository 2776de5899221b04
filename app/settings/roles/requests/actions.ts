"use server";

/**
 * Server actions of access requests (SPEC §18). Thin: parse, resolve the signed-in member, call
 * lib/access-requests in one transaction; the use cases decide (asking needs no settings
 * permission; deciding needs `Roles` and the grant within the member's authority).
 */
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { decisionInputSchema, denialInputSchema } from "@/lib/access-requests/input";
import { applyProposal, denyProposal } from "@/lib/access-requests/proposals";
import { approveAccessRequest, denyAccessRequest, requestAccess, type AccessRequestView } from "@/lib/access-requests/requests";

export async function requestAccessAction(input: unknown): Promise<ActionResult<{ request: AccessRequestView; existing: boolean }>> {
  return runAction(
    async () => {
      const member = await requireMemberForAction();
      return db.$transaction((tx) => requestAccess(tx, member, input));
    },
    { path: "/settings/my-role" },
  );
}

export async function approveAccessRequestAction(input: unknown): Promise<ActionResult<AccessRequestView>> {
  return runAction(
    async () => {
      const member = await requireMemberForAction("ROLES");
      const { requestId } = parseOrThrow(decisionInputSchema, input);
      return db.$transaction((tx) => approveAccessRequest(tx, member, requestId));
    },
    { path: "/settings/roles", type: "layout" },
  );
}

export async function denyAccessRequestAction(input: unknown): Promise<ActionResult<AccessRequestView>> {
  return runAction(
    async () => {
      const member = await requireMemberForAction("ROLES");
      const { requestId, reason } = parseOrThrow(denialInputSchema, input);
      return db.$transaction((tx) => denyAccessRequest(tx, member, requestId, reason));
    },
    { path: "/settings/roles/requests" },
  );
}

export async function applyProposalAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(
    async () => {
      const member = await requireMemberForAction("ROLES");
      const { requestId } = parseOrThrow(decisionInputSchema, input);
      return db.$transaction((tx) => applyProposal(tx, member, requestId));
    },
    { path: "/settings/roles", type: "layout" },
  );
}

export async function denyProposalAction(input: unknown): Promise<ActionResult<undefined>> {
  return runAction(
    async () => {
      const member = await requireMemberForAction("ROLES");
      const { requestId } = parseOrThrow(decisionInputSchema, input);
      await db.$transaction((tx) => denyProposal(tx, member, requestId));
      return undefined;
    },
    { path: "/settings/roles/requests" },
  );
}
