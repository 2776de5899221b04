import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { withScriptShadowDb } from "./prisma/shadow-db";

// With a config file Prisma no longer reads .env; the embedded SQLite file is the default.
process.env.DATABASE_URL ??= "file:./prisma/dev.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return withScriptShadowDb(new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }));
  },
});
