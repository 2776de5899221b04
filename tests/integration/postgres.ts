/**
 * PostgreSQL for the integration tests (SPEC §15). `npm test` (scripts/test.mjs) starts a
 * throwaway server and runs the integration project again with ROLECALL_TEST_POSTGRES_URL set to
 * it; the global setup then migrates and seeds one template database, and every test file works
 * on its own database copied from the template (CREATE DATABASE … TEMPLATE), as the SQLite run
 * copies a template file.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

/** The server of a PostgreSQL run (no database part), or undefined for the SQLite run. */
export function testPostgresServer(): string | undefined {
  return process.env.ROLECALL_TEST_POSTGRES_URL?.replace(/\/[^/@]*$/, "") || undefined;
}

export function databaseUrlOn(server: string, name: string): string {
  return `${server}/${name}`;
}

export async function adminQuery(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlOn(server, "postgres") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database copied from the template; the template must have no open connection. */
export async function copyTemplateDatabase(server: string, template: string): Promise<string> {
  const name = `t_${randomUUID().replace(/-/g, "")}`;
  await adminQuery(server, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return databaseUrlOn(server, name);
}
