/**
 * The migration that split Create from Edit (SPEC §13) must not change what any existing role
 * may do: on a database holding roles from before it, every role's and every object rule's
 * create takes the value of its edit, and an inheriting rule keeps inheriting.
 */
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");
const CREATE_MIGRATION = "20261128110000_create_permission";
const dir = mkdtempSync(path.join(tmpdir(), "rolecall-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function migrationsBefore(name: string) {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name < name)
    .map((entry) => entry.name)
    .sort();
}

describe(`migration ${CREATE_MIGRATION}`, () => {
  it("gives every existing role and object rule create = edit", () => {
    const sqlite = new Database(path.join(dir, "before.db"));
    try {
      for (const folder of migrationsBefore(CREATE_MIGRATION)) sqlite.exec(readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));
      // Only the columns this migration reads matter; foreign keys would need a whole workspace.
      sqlite.pragma("foreign_keys = OFF");
      const role = sqlite.prepare(`INSERT INTO "Role" ("id", "workspaceId", "name", "nameKey", "canSeeAllObjects", "canEditAllObjects", "updatedAt") VALUES (?, 'w', ?, ?, 1, ?, 0)`);
      role.run("editor", "Editor", "editor", 1);
      role.run("reader", "Reader", "reader", 0);
      const rule = sqlite.prepare(`INSERT INTO "ObjectPermission" ("id", "roleId", "objectMetadataId", "canSee", "canEdit") VALUES (?, 'reader', ?, ?, ?)`);
      rule.run("grants", "person", null, 1);
      rule.run("denies", "company", null, 0);
      rule.run("inherits", "task", 0, null);

      sqlite.exec(readFileSync(path.join(MIGRATIONS, CREATE_MIGRATION, "migration.sql"), "utf8"));

      expect(sqlite.prepare(`SELECT "id", "canCreateAllObjects", "canEditAllObjects" FROM "Role" ORDER BY "id"`).all()).toEqual([
        { id: "editor", canCreateAllObjects: 1, canEditAllObjects: 1 },
        { id: "reader", canCreateAllObjects: 0, canEditAllObjects: 0 },
      ]);
      expect(sqlite.prepare(`SELECT "id", "canCreate", "canEdit" FROM "ObjectPermission" ORDER BY "id"`).all()).toEqual([
        { id: "denies", canCreate: 0, canEdit: 0 },
        { id: "grants", canCreate: 1, canEdit: 1 },
        { id: "inherits", canCreate: null, canEdit: null },
      ]);
    } finally {
      sqlite.close();
    }
  });
});
