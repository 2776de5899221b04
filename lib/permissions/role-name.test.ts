import { describe, expect, it } from "vitest";
import { normalizeRoleName, roleNameKey, validateRoleName } from "./role-name";

const EXISTING = ["Admin", "Member", "Guest", "Intern"];

describe("validateRoleName", () => {
  it.each([
    ["Sales", null],
    ["  Sales  ", null],
    ["インターン", null],
    ["営業チーム", null],
    ["Équipe commerciale", null],
    ["Reprezentanți vânzări", null],
    ["Responsabile qualità", null],
  ])("accepts %j", (name, expected) => {
    expect(validateRoleName(name, EXISTING)).toEqual(expected);
  });

  it.each(["", "   ", "\t\n", "\u3000\u3000" /* ideographic spaces */])("requires a name: %j", (name) => {
    expect(validateRoleName(name, EXISTING)).toEqual({ code: "ROLE_NAME_REQUIRED" });
  });

  it("accepts 100 code points and refuses 101", () => {
    expect(validateRoleName("a".repeat(100), [])).toBeNull();
    expect(validateRoleName("a".repeat(101), [])).toEqual({ code: "ROLE_NAME_TOO_LONG" });
  });

  it("counts code points, not UTF-16 units: 100 astral characters are fine", () => {
    const hundredAstral = "𠮷".repeat(100); // 200 UTF-16 units
    expect(hundredAstral.length).toBe(200);
    expect(validateRoleName(hundredAstral, [])).toBeNull();
    expect(validateRoleName(hundredAstral + "𠮷", [])).toEqual({ code: "ROLE_NAME_TOO_LONG" });
  });

  it("counts 100 Japanese characters as 100", () => {
    expect(validateRoleName("営".repeat(100), [])).toBeNull();
    expect(validateRoleName("営".repeat(101), [])).toEqual({ code: "ROLE_NAME_TOO_LONG" });
  });

  it("counts after trimming and NFC: decomposed accents count once", () => {
    const decomposedE = "e\u0301"; // é as e + combining acute
    expect(validateRoleName(`  ${decomposedE.repeat(100)}  `, [])).toBeNull();
    expect(validateRoleName(decomposedE.repeat(101), [])).toEqual({ code: "ROLE_NAME_TOO_LONG" });
  });

  it.each([
    ["intern", EXISTING],
    ["INTERN", EXISTING],
    ["  Intern ", EXISTING],
    ["équipe", ["Équipe"]],
    ["E\u0301quipe", ["équipe"]], // decomposed vs precomposed
    ["インターン", [" インターン "]],
    ["STRASSE", ["Straße"]],
  ])("refuses %j as taken by %j", (name, existing) => {
    expect(validateRoleName(name, existing)).toEqual({ code: "ROLE_NAME_TAKEN" });
  });

  it("does not confuse different names", () => {
    expect(validateRoleName("Interns", EXISTING)).toBeNull();
    expect(validateRoleName("equipe", ["équipe"])).toBeNull();
    expect(validateRoleName("インターン", ["いんたーん"])).toBeNull();
  });
});

describe("normalizeRoleName / roleNameKey", () => {
  it("normalizeRoleName trims and composes, keeping the case", () => {
    expect(normalizeRoleName("  E\u0301quipe\u3000")).toBe("Équipe");
  });

  it("roleNameKey is case-insensitive", () => {
    expect(roleNameKey(" Sales Team ")).toBe(roleNameKey("SALES TEAM"));
    expect(roleNameKey("Sales")).not.toBe(roleNameKey("Sale"));
  });
});
