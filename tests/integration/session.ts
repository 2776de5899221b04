import { vi } from "vitest";
import type { TestDb } from "./db";
import { startSession } from "@/lib/auth/sessions";

/**
 * Server actions run here as they do in Next, against a test database: `@/lib/db` is pointed at
 * the test client, the request's session is whoever `actAs` names, and cache revalidation (which
 * needs a Next request) is a no-op. Nothing else is replaced: the real sign-in lookup, permission
 * engine and domain code run.
 */
export const testContext: { db: TestDb | null; userId: string | null; sessionId: string | undefined; viewAsRoleId?: string; viewAsSetIds?: string[] } = {
  db: null,
  userId: null,
  sessionId: undefined,
};

vi.mock("@/lib/db/prisma", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db/prisma")>();
  return {
    ...original,
    get db() {
      if (!testContext.db) throw new Error("testContext.db is not set");
      return testContext.db;
    },
  };
});

/** What the last action saved into the session cookie (sign-in, setup, a password change). */
export const savedSession: { userId?: string; sessionId?: string } = {};

vi.mock("@/lib/auth/session", () => ({
  getSession: async () => {
    const session = {
      userId: testContext.userId ?? undefined,
      sessionId: testContext.sessionId,
      viewAsRoleId: testContext.viewAsRoleId,
      viewAsSetIds: testContext.viewAsSetIds,
      save: async () => {
        savedSession.userId = session.userId;
        savedSession.sessionId = session.sessionId;
        // Like a browser keeping the cookie: the next request sees what was saved.
        testContext.viewAsRoleId = session.viewAsRoleId;
        testContext.viewAsSetIds = session.viewAsSetIds;
      },
      destroy: () => {},
    };
    return session;
  },
}));

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/** Signs in as `email` with a new server-side session (a cookie from a fresh sign-in). */
export async function actAs(db: TestDb, email: string | null) {
  testContext.db = db;
  const user = email ? await db.user.findUniqueOrThrow({ where: { email } }) : null;
  testContext.userId = user?.id ?? null;
  testContext.sessionId = user ? await startSession(db, user.id) : undefined;
  testContext.viewAsRoleId = undefined;
  testContext.viewAsSetIds = undefined;
}
