import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSearchMigrationSql, sqliteSearchMigrationSql } from "@/lib/records/search-index";
import { createRecordIndexSql, postgresStandardIndexesSql, standardIndexedFieldNames } from "@/lib/records/indexes";
import { postgresSchema } from "@/scripts/prisma-postgres.mjs";

/**
 * SPEC §15: one schema source, two providers. The committed PostgreSQL schema must be exactly
 * what the generator makes of the SQLite one; when it is not, someone changed
 * prisma/schema.prisma without running `node scripts/prisma-postgres.mjs` (which also writes
 * the PostgreSQL migration).
 */
describe("the PostgreSQL schema", () => {
  const read = (file: string) => readFileSync(path.join(process.cwd(), file), "utf8");

  it("is generated from the SQLite schema and up to date", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(postgresSchema(read("prisma/schema.prisma")));
  });

  it("differs from the SQLite one only in provider and client output", () => {
    const pg = read("prisma/postgres/schema.prisma");
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain('output     = "../../node_modules/.prisma-pg/client"');
    expect(pg).not.toContain('"sqlite"');
  });

  // Expression indexes are hand-written SQL (Prisma cannot declare them) beside each history.
  it("has the expression indexes of the standard fields in both migration histories", () => {
    const statements = (sql: string) => sql.split("\n").filter((line) => line.startsWith("CREATE INDEX IF NOT EXISTS")).map((line) => line.replace(/;$/, ""));
    expect(statements(read("prisma/postgres/migrations/20261128210001_record_indexes_postgres/migration.sql"))).toEqual(postgresStandardIndexesSql());
    const sqlite = statements(read("prisma/migrations/20261128210000_record_indexes/migration.sql"));
    expect(sqlite).toEqual(standardIndexedFieldNames().map((name) => createRecordIndexSql(name)));
  });

  // Search's trigram indexes (SPEC §21), hand-written the same way.
  it("has the search indexes in both migration histories", () => {
    const sql = (file: string) => read(file).split("\n").filter((line) => !line.startsWith("--")).join("\n");
    const postgres = sql("prisma/postgres/migrations/20261207200000_record_search/migration.sql").split(";\n").map((statement) => statement.trim()).filter(Boolean);
    expect(postgres).toEqual(postgresSearchMigrationSql());
    const sqlite = sql("prisma/migrations/20261207200000_record_search/migration.sql").split("\n;\n").map((statement) => statement.trim().replace(/\n;$/, "")).filter(Boolean);
    expect(sqlite).toEqual(sqliteSearchMigrationSql());
  });
});
