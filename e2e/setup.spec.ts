import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { applyMigrations } from "@/scripts/lib/migrations";
import { E2E_PORT, E2E_SESSION_SECRET } from "./env";

/**
 * A real deployment's first run (SEED_DEMO=0): a server of its own on an empty, migrated
 * database, since the shared e2e server holds the demo workspace.
 */
const PORT = E2E_PORT + 50;
const BASE_URL = `http://localhost:${PORT}`;
const DB_FILE = path.join(process.cwd(), "prisma", `e2e-setup-${E2E_PORT}.db`);
let server: ChildProcess | undefined;

function removeDatabase() {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  removeDatabase();
  applyMigrations(DB_FILE);
  server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_URL: `file:${DB_FILE}`, SESSION_SECRET: E2E_SESSION_SECRET, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  for (let waited = 0; ; waited += 250) {
    try {
      if ((await fetch(`${BASE_URL}/api/health`)).ok) break;
    } catch {
      if (waited > 45_000) throw new Error("the setup server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  removeDatabase();
});

test("the first visit opens /setup, which creates the workspace and its first Admin once, then answers 404", async ({ page }) => {
  await page.goto(`${BASE_URL}/settings/roles`);
  await expect(page).toHaveURL(`${BASE_URL}/setup`);
  await expect(page.getByRole("heading", { name: "Set up Rolecall" })).toBeVisible();

  await page.getByLabel("Workspace name").fill("Globex");
  await page.getByLabel("Name", { exact: true }).fill("Grace Hopper");
  await page.getByLabel("Email").fill("grace@globex.example");
  await page.getByLabel("Password").fill("too-short");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.locator("#setup-password-error")).toHaveText("Use at least 12 characters.");
  await expect(page.getByLabel("Workspace name")).toHaveValue("Globex");

  await page.getByLabel("Password").fill("a long admin passphrase");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/objects\/people/);
  await expect(page.getByText("Globex", { exact: true })).toBeVisible();
  await expect(page.getByRole("note", { name: "Demo workspace" })).toHaveCount(0);

  await page.goto(`${BASE_URL}/settings/roles`);
  const roles = page.getByRole("main").getByRole("table");
  for (const role of ["Admin", "Member", "Guest"]) await expect(roles.getByRole("link", { name: new RegExp(`^${role}`) })).toBeVisible();
  await expect(roles.getByRole("link", { name: /^Intern/ })).toHaveCount(0);

  const again = await page.goto(`${BASE_URL}/setup`);
  expect(again?.status()).toBe(404);

  await page.context().clearCookies();
  await page.goto(`${BASE_URL}/sign-in`);
  await expect(page.getByRole("heading", { name: "Sign in to Rolecall" })).toBeVisible();
  await expect(page.getByText("rolecall-demo")).toHaveCount(0);
});
