import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTERNAL_READERS, OUTBOUND_CHANNELS } from "./channels";

const root = path.resolve(__dirname, "../..");
/** Reads of the stored records, audit entries and outbox, however they are written. */
const STORED_READS = /FROM "(Record|AuditLog|OutboxMessage)"|\.(record|auditLog|outboxMessage)\.(find\w*|count|aggregate|groupBy)\(/;

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) return sources(relative);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

describe("the table of outbound channels (SPEC §16)", () => {
  const listed = new Set([...Object.values(OUTBOUND_CHANNELS).flatMap((channel) => channel.modules), ...INTERNAL_READERS.map((reader) => reader.module)]);

  it("names only modules that exist", () => {
    for (const module of listed) expect(existsSync(path.join(root, module)), module).toBe(true);
  });

  it("lists every module that reads stored records, audit entries or the outbox", () => {
    const readers = ["lib", "app", "components"].flatMap(sources).filter((file) => STORED_READS.test(readFileSync(path.join(root, file), "utf8")));
    expect(readers.length).toBeGreaterThan(3);
    expect(readers.filter((file) => !listed.has(file))).toEqual([]);
  });
});
