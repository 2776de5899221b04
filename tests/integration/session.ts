import { vi } from "vitest";
import type { TestDb } from "./db";

/**
 * Server actions run here as they do in Next, against a test database: `@/lib/db` is pointed at
 * the test client, the request's session is whoever `actAs` names, and cache revalidation (which
 * needs a Next request) is a no-op. Nothing else is replaced: the real sign-in lookup, permission
 * engine and domain code run.
 */
export const testContext: { db: TestDb | null; userId: string | null } = { db: null, userId: null };

vi.mock("@/lib/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db")>();
  return {
    ...original,
    get db() {
      if (!testContext.db) throw new Error("testContext.db is not set");
      return testContext.db;
    },
  };
});

vi.mock("@/lib/auth/session", () => ({
  getSession: async () => ({ userId: testContext.userId ?? undefined, save: async () => {}, destroy: () => {} }),
}));

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

export async function actAs(db: TestDb, email: string | null) {
  testContext.db = db;
  testContext.userId = email ? (await db.user.findUniqueOrThrow({ where: { email } })).id : null;
}
