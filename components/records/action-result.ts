import type { ActionError, ActionResult } from "@/lib/errors";

/** A refused server action, thrown so that TanStack Query reports it as the query's error. */
export class ActionFailure extends Error {
  constructor(readonly errors: ActionError[]) {
    super(errors[0]?.code ?? "INTERNAL");
    this.name = "ActionFailure";
  }
}

export function unwrap<T>(result: ActionResult<T>): T {
  if (result.ok) return result.data;
  throw new ActionFailure(result.errors);
}

/** The errors of anything a server action call threw (a refusal, or the network). */
export function errorsOf(error: unknown): ActionError[] {
  return error instanceof ActionFailure ? error.errors : [{ code: "INTERNAL" }];
}
