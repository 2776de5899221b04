/** Where the end-to-end server runs and what it shares with the test process. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE_URL = "file:./prisma/e2e.db";
// A fixed secret for the throwaway test server only: fixtures seal session cookies with it.
export const E2E_SESSION_SECRET = "e2e-only-session-secret-0123456789abcdef";
