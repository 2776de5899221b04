-- Hand-written: Prisma cannot declare FTS5 tables or triggers. Search's trigram index (SQLite FTS5):
-- lib/records/search-index.ts explains it, and a test (postgres-schema.integration.test.ts) holds
-- this file to sqliteSearchMigrationSql(). Statements are separated by a line holding only ";".
CREATE TABLE "RecordSearchRow" ("id" INTEGER NOT NULL PRIMARY KEY, "recordId" TEXT NOT NULL)
;
CREATE UNIQUE INDEX "RecordSearchRow_recordId_key" ON "RecordSearchRow"("recordId")
;
CREATE VIRTUAL TABLE "RecordSearch" USING fts5("text", content = '', contentless_delete = 1, tokenize = 'trigram')
;
CREATE TRIGGER "Record_search_insert" AFTER INSERT ON "Record" BEGIN
  INSERT INTO "RecordSearchRow" ("recordId") VALUES (new."id");
  INSERT INTO "RecordSearch" ("rowid", "text") VALUES ((SELECT "id" FROM "RecordSearchRow" WHERE "recordId" = new."id"), (SELECT group_concat("value", char(10)) FROM json_each(CASE WHEN json_valid(new."data") THEN new."data" ELSE '{}' END) WHERE "type" = 'text'));
END
;
CREATE TRIGGER "Record_search_update" AFTER UPDATE OF "data" ON "Record" WHEN old."data" IS NOT new."data" BEGIN
  DELETE FROM "RecordSearch" WHERE "rowid" = (SELECT "id" FROM "RecordSearchRow" WHERE "recordId" = old."id");
  INSERT INTO "RecordSearch" ("rowid", "text") VALUES ((SELECT "id" FROM "RecordSearchRow" WHERE "recordId" = new."id"), (SELECT group_concat("value", char(10)) FROM json_each(CASE WHEN json_valid(new."data") THEN new."data" ELSE '{}' END) WHERE "type" = 'text'));
END
;
CREATE TRIGGER "Record_search_delete" AFTER DELETE ON "Record" BEGIN
  DELETE FROM "RecordSearch" WHERE "rowid" = (SELECT "id" FROM "RecordSearchRow" WHERE "recordId" = old."id");
  DELETE FROM "RecordSearchRow" WHERE "recordId" = old."id";
END
;
INSERT INTO "RecordSearchRow" ("recordId") SELECT "id" FROM "Record" ORDER BY "createdAt", "id"
;
INSERT INTO "RecordSearch" ("rowid", "text") SELECT s."id", (SELECT group_concat("value", char(10)) FROM json_each(CASE WHEN json_valid(r."data") THEN r."data" ELSE '{}' END) WHERE "type" = 'text') FROM "RecordSearchRow" s JOIN "Record" r ON r."id" = s."recordId"
;
