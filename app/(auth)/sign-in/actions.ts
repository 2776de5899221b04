"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { getSession } from "@/lib/auth/session";
import { toActionErrors, type ActionError } from "@/lib/errors";

const signInInput = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
  next: z.string().startsWith("/").refine((path) => !path.startsWith("//")).optional().catch(undefined),
});

export interface SignInState {
  errors: ActionError[];
  email: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = Object.fromEntries(formData);
  const parsed = signInInput.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) {
    return {
      email,
      errors: parsed.error.issues.map((issue) => ({ code: "VALIDATION_FAILED" as const, field: String(issue.path[0]) })),
    };
  }
  try {
    const user = await authenticate(db, parsed.data.email, parsed.data.password);
    const session = await getSession();
    session.userId = user.id;
    await session.save();
  } catch (error) {
    return { email, errors: toActionErrors(error) };
  }
  redirect(parsed.data.next ?? "/");
}

export async function signOutAction() {
  const session = await getSession();
  session.destroy();
  redirect("/sign-in");
}
