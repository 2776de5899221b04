import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { parseFilterSyntax, parseOrderBySyntax } from "./list-syntax";

describe("filter syntax", () => {
  it("reads comma-separated conditions", () => {
    expect(parseFilterSyntax("city[eq]:Paris,employees[gte]:10")).toEqual([
      { field: "city", op: "eq", value: "Paris" },
      { field: "employees", op: "gte", value: "10" },
    ]);
  });

  it("keeps commas, colons and brackets that do not start a condition inside the value", () => {
    expect(parseFilterSyntax("address[eq]:1 Rue de Rivoli, Paris,name[like]:a:b[c]")).toEqual([
      { field: "address", op: "eq", value: "1 Rue de Rivoli, Paris" },
      { field: "name", op: "like", value: "a:b[c]" },
    ]);
  });

  it("accepts an empty value and upper-case operators", () => {
    expect(parseFilterSyntax("city[EQ]:")).toEqual([{ field: "city", op: "eq", value: "" }]);
    expect(parseFilterSyntax("  ")).toEqual([]);
  });

  it.each(["city", "city:Paris", "city[near]:Paris", "[eq]:x", "ci-ty[eq]:x", "city[eq]Paris"])("refuses %j naming the filter parameter", (text) => {
    expect(() => parseFilterSyntax(text)).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED", details: expect.objectContaining({ field: "filter" }) }));
  });
});

describe("orderBy syntax", () => {
  it("defaults to ascending", () => {
    expect(parseOrderBySyntax("name")).toEqual({ field: "name", direction: "asc" });
    expect(parseOrderBySyntax("name:DESC")).toEqual({ field: "name", direction: "desc" });
  });

  it.each(["", "name:up", "name desc", "a.b"])("refuses %j", (text) => {
    expect(() => parseOrderBySyntax(text)).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
  });
});

describe("cursors", () => {
  it("round-trip strings, numbers and null for the same sort", () => {
    for (const value of ["Paris", 42, 1.5, null, "é, \"quoted\""]) {
      expect(decodeCursor(encodeCursor("city:asc", { value, id: "r1" }), "city:asc")).toEqual({ value, id: "r1" });
    }
  });

  it("refuses a cursor of another sort, and garbage", () => {
    const cursor = encodeCursor("city:asc", { value: "Paris", id: "r1" });
    expect(() => decodeCursor(cursor, "city:desc")).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
    for (const bad of ["", "%%%", Buffer.from('{"a":1}').toString("base64url"), Buffer.from('["city:asc",{},"x"]').toString("base64url")]) {
      expect(() => decodeCursor(bad, "city:asc")).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
    }
  });
});
