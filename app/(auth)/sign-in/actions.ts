"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { authenticate } from "@/lib/auth/authenticate";
import { CHANGE_PASSWORD_PATH } from "@/lib/access/current-member";
import { requestInfo } from "@/lib/auth/request-info";
import { safeNextPath } from "@/lib/auth/safe-next";
import { getSession } from "@/lib/auth/session";
import { endSession, startSession } from "@/lib/auth/sessions";
import { toActionErrors, type ActionError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";

const signInInput = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
  next: z.string().max(2000).optional().catch(undefined),
});

export interface SignInState {
  errors: ActionError[];
  email: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = Object.fromEntries(formData);
  const email = typeof raw.email === "string" ? raw.email : "";
  let parsed: { data: z.output<typeof signInInput> };
  try {
    parsed = { data: parseOrThrow(signInInput, raw) };
  } catch (error) {
    return { email, errors: toActionErrors(error) };
  }
  const { address, origin } = await requestInfo();
  let mustChangePassword = false;
  try {
    const user = await authenticate(db, parsed.data.email, parsed.data.password, { address });
    const session = await getSession();
    session.userId = user.id;
    session.sessionId = await startSession(db, user.id);
    await session.save();
    mustChangePassword = user.mustChangePassword;
  } catch (error) {
    return { email, errors: toActionErrors(error) };
  }
  redirect(mustChangePassword ? CHANGE_PASSWORD_PATH : safeNextPath(parsed.data.next, origin));
}

/** Ends this session on the server too: a copy of the cookie no longer signs anyone in. */
export async function signOutAction() {
  const session = await getSession();
  if (session.sessionId) await endSession(db, session.sessionId);
  session.destroy();
  redirect("/sign-in");
}
