import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

const ORIGIN = "https://rolecall.example";

describe("safeNextPath", () => {
  it.each([
    ["/objects/people?x=1", "/objects/people?x=1"],
    ["/settings/my-role", "/settings/my-role"],
    ["/objects/people#top", "/objects/people#top"],
    // An encoded backslash stays an encoded character of a path on this site.
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/a/../settings/roles", "/settings/roles"],
  ])("follows %s to %s", (next, expected) => {
    expect(safeNextPath(next, ORIGIN)).toBe(expected);
  });

  it.each([
    "/\\evil.example/",
    "/\\/evil.example",
    "https://evil.example",
    "https://rolecall.example/settings",
    "//evil.example",
    "///evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/.//evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    null,
    undefined,
  ])("refuses %j and goes to /", (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe("/");
  });
});
