import os from "node:os";
import path from "node:path";

/** One folder per run, so two runs on one machine never share a database. */
export function newTestDbDir() {
  return path.join(os.tmpdir(), `rolecall-integration-${process.pid}-${Date.now()}`);
}

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
    /** The PostgreSQL template database of this run; empty on SQLite. */
    testPgTemplate: string;
  }
}
