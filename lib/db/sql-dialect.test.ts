import { describe, expect, it } from "vitest";
import { postgresRecordIndexName, recordIndexName } from "@/lib/records/indexes";
import { postgresDialect, sqliteDialect } from "./sql-dialect";

describe("inlineJsonValue", () => {
  it("SQLite: one expression whatever the kind, the text of its migration's indexes", () => {
    for (const kind of ["text", "number", "boolean"] as const) expect(sqliteDialect.inlineJsonValue("city", kind)).toBe(`json_extract("data", '$."city"')`);
  });

  it("PostgreSQL: the bound expression of the kind, with the key as a literal", () => {
    expect(postgresDialect.inlineJsonValue("city", "text")).toBe(`("data"::jsonb ->> 'city')`);
    expect(postgresDialect.inlineJsonValue("amount", "number")).toBe(`(CASE WHEN jsonb_typeof("data"::jsonb -> 'amount') = 'number' THEN ("data"::jsonb ->> 'amount')::numeric END)`);
    expect(postgresDialect.inlineJsonValue("done", "boolean")).toBe(`(CASE ("data"::jsonb ->> 'done') WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`);
  });

  it("keeps unsafe keys bound on both databases", () => {
    for (const key of ["a'b", "a.b", "a\"b", "1a", "x".repeat(64)]) {
      expect(sqliteDialect.inlineJsonValue(key, "text")).toBeNull();
      expect(postgresDialect.inlineJsonValue(key, "number")).toBeNull();
    }
  });
});

describe("record index names", () => {
  it("SQLite's per name; PostgreSQL's per name and kind, text sharing SQLite's", () => {
    expect(recordIndexName("city")).toBe("Record_data_city_idx");
    expect(postgresRecordIndexName("city", "text")).toBe("Record_data_city_idx");
    expect(postgresRecordIndexName("city", "number")).toBe("Record_num_city_idx");
    expect(postgresRecordIndexName("city", "boolean")).toBe("Record_bool_city_idx");
  });

  it("PostgreSQL's stay within 63 characters and distinct for long names", () => {
    const a = postgresRecordIndexName(`${"x".repeat(60)}abc`, "boolean");
    const b = postgresRecordIndexName(`${"x".repeat(60)}abd`, "boolean");
    expect(a.length).toBeLessThanOrEqual(63);
    expect(b.length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
  });
});
