"use server";

import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/prisma";
import { getSession } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/sessions";
import { isDomainError, toActionErrors, type ActionError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { needsSetup, setUpWorkspace, setupInput } from "@/lib/workspace/setup";

export interface SetupState {
  errors: ActionError[];
  values: { workspaceName: string; name: string; email: string };
}

/** Creates the workspace and its first Admin, signs that Admin in; 404 once a workspace exists. */
export async function setupAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  if (!(await needsSetup(db))) notFound();
  const raw = Object.fromEntries(formData);
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : "");
  const values = { workspaceName: text("workspaceName"), name: text("name"), email: text("email") };
  try {
    const created = await setUpWorkspace(db, parseOrThrow(setupInput, { ...values, password: text("password") }));
    const session = await getSession();
    session.userId = created.userId;
    session.sessionId = await startSession(db, created.userId);
    await session.save();
  } catch (error) {
    // Another setup won the race: the page no longer exists for this one either.
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    return { values, errors: toActionErrors(error) };
  }
  redirect("/");
}
