"use server";

/**
 * Server actions of access requests (docs/reference.md §18). Thin: parse, resolve the signed-in
 * member, call lib/access-requests in one transaction; the use cases decide (asking needs no
 * settings permission; deciding needs `Roles` and the grant within the member's authority).
 */
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction } from "@/lib/actions/member-action";
import { decisionInputSchema, denialInputSchema } from "@/lib/access-requests/input";
import { applyProposal, denyProposal } from "@/lib/access-requests/proposals";
import { approveAccessRequest, denyAccessRequest, requestAccess } from "@/lib/access-requests/requests";

// requestAccess validates its own input (the REST route and the MCP tool send the same shape).
export const requestAccessAction = memberAction({ schema: z.unknown(), revalidate: { path: "/settings/my-role" } }, ({ actor, input }) =>
  db.$transaction((tx) => requestAccess(tx, actor, input)),
);

export const approveAccessRequestAction = memberAction({ schema: decisionInputSchema, permission: "ROLES", revalidate: { path: "/settings/roles", type: "layout" } }, ({ actor, input }) =>
  db.$transaction((tx) => approveAccessRequest(tx, actor, input.requestId)),
);

export const denyAccessRequestAction = memberAction({ schema: denialInputSchema, permission: "ROLES", revalidate: { path: "/settings/roles/requests" } }, ({ actor, input }) =>
  db.$transaction((tx) => denyAccessRequest(tx, actor, input.requestId, input.reason)),
);

export const applyProposalAction = memberAction({ schema: decisionInputSchema, permission: "ROLES", revalidate: { path: "/settings/roles", type: "layout" } }, ({ actor, input }) =>
  db.$transaction((tx) => applyProposal(tx, actor, input.requestId)),
);

export const denyProposalAction = memberAction({ schema: decisionInputSchema, permission: "ROLES", revalidate: { path: "/settings/roles/requests" } }, async ({ actor, input }) => {
  await db.$transaction((tx) => denyProposal(tx, actor, input.requestId));
  return undefined;
});
