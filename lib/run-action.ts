import { revalidatePath } from "next/cache";
import { toActionErrors, type ActionResult } from "@/lib/errors";

export interface Revalidation {
  path: string;
  type?: "layout" | "page";
}

/**
 * The shape of every server action: do the work (which checks the acting member's permission
 * first), revalidate what it changed, and turn any failure into error codes the UI translates —
 * never raw exception text.
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
