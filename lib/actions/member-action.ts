/**
 * The one shape of a server action a signed-in member calls (the authenticated action client of
 * docs/architecture.md): resolve the acting member, check the settings permission the screen
 * needs, parse the input with zod, run the handler, revalidate what it changed, and turn any
 * failure into the error codes the UI translates, never raw exception text.
 *
 * The permission checked here is for the screen's sake (a member without it gets FORBIDDEN before
 * any work); the use case the handler calls still decides, inside its transaction, with the
 * engine (lib/permissions) — this is not where a rule lives.
 *
 *   export const deleteRoleAction = memberAction(
 *     { schema: z.object({ roleId: id }), permission: "ROLES", revalidate: ROLES_PAGES },
 *     ({ actor, input }) => db.$transaction((tx) => deleteRole(tx, actor, input.roleId)),
 *   );
 */
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireMemberForAction, type ActingMember } from "@/lib/access/current-member";
import { toActionErrors, type ActionResult } from "@/lib/errors";
import type { SettingsPermission } from "@/lib/permissions";
import { parseOrThrow } from "@/lib/validation";

export interface Revalidation {
  path: string;
  type?: "layout" | "page";
}

export interface MemberActionOptions<Schema extends z.ZodType> {
  /** The input, validated at the boundary; issues become VALIDATION_FAILED field errors. */
  readonly schema: Schema;
  /** The settings permission the screen needs (Settings → …); none for the records UI, whose rules are per object. */
  readonly permission?: SettingsPermission;
  /** The action only reads: it runs while viewing as a role, with that role's projection. */
  readonly reads?: boolean;
  /** Allowed to a member who must still replace a temporary password (that very change). */
  readonly allowTemporaryPassword?: boolean;
  /** What to revalidate after a success. */
  readonly revalidate?: Revalidation;
}

export interface MemberActionContext<Input> {
  readonly actor: ActingMember;
  readonly input: Input;
}

/**
 * Runs `work` and shapes its outcome as the UI reads it: `{ ok: true, data }`, or
 * `{ ok: false, errors }` with closed codes (lib/errors.ts). For the few actions that are not a
 * member's (sign-in, setup, leaving View as) and call it directly.
 */
export async function runAction<T>(work: () => Promise<T>, revalidate?: Revalidation): Promise<ActionResult<T>> {
  try {
    const data = await work();
    if (revalidate) revalidatePath(revalidate.path, revalidate.type);
    return { ok: true, data };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}

/**
 * A server action of a signed-in member: see the module comment. Its input is `unknown`: a
 * browser may send anything, and the schema is what makes it typed.
 */
export function memberAction<Schema extends z.ZodType, T>(
  options: MemberActionOptions<Schema>,
  handler: (context: MemberActionContext<z.output<Schema>>) => Promise<T>,
): (input?: unknown) => Promise<ActionResult<T>> {
  return (raw) =>
    runAction(async () => {
      const actor = await requireMemberForAction(options.permission, { reads: options.reads, allowTemporaryPassword: options.allowTemporaryPassword });
      const input = parseOrThrow(options.schema, raw);
      return handler({ actor, input });
    }, options.revalidate);
}
