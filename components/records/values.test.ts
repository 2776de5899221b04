import { describe, expect, it } from "vitest";
import { createValuesOf, draftOf, fromInputText, patchOf, toInputText } from "./values";
import { choiceOf, needsValue, operatorsFor, toFilter } from "./filters";
import { FORMULA_PATTERN, headerKey, unescapeFormula } from "@/lib/csv/format";
import type { FieldView } from "./types";

const field = (name: string, type: FieldView["type"], editable = true, extra: Partial<FieldView> = {}): FieldView => ({
  name,
  label: name,
  type,
  isLabel: false,
  isSystem: false,
  editable,
  creatable: editable,
  ...extra,
});

describe("record values ↔ control text", () => {
  it("round-trips each type, and clears with an empty control", () => {
    expect(fromInputText(field("n", "NUMBER"), " 12.5 ")).toBe(12.5);
    expect(fromInputText(field("n", "NUMBER"), "twelve")).toBe("twelve"); // the server names the field
    expect(fromInputText(field("b", "BOOLEAN"), "false")).toBe(false);
    expect(fromInputText(field("d", "DATE_TIME"), "2026-01-05T09:30")).toBe("2026-01-05T09:30:00.000Z");
    expect(toInputText(field("d", "DATE_TIME"), "2026-01-05T09:30:00.000Z")).toBe("2026-01-05T09:30");
    expect(fromInputText(field("t", "TEXT"), "   ")).toBeNull();
    expect(fromInputText(field("r", "RICH_TEXT"), "  keep  ")).toBe("  keep  ");
    expect(toInputText(field("n", "NUMBER"), 3)).toBe("3");
    expect(toInputText(field("t", "TEXT"), null)).toBe("");
  });

  it("patches only changed editable fields, never a read-only one", () => {
    const fields = [field("jobTitle", "TEXT"), field("email", "EMAIL", false), field("city", "TEXT")];
    const initial = draftOf(fields, { jobTitle: "CEO", email: "a@b.dev", city: null });
    const patch = patchOf(fields, initial, { ...initial, jobTitle: "CTO", email: "x@y.dev", city: "" });
    expect(patch).toEqual({ jobTitle: "CTO" });
    expect(patchOf(fields, initial, { ...initial, jobTitle: "" })).toEqual({ jobTitle: null });
  });

  it("creates with editable, non-empty fields only", () => {
    const fields = [field("name", "TEXT"), field("email", "EMAIL", false), field("employees", "NUMBER")];
    expect(createValuesOf(fields, { name: "Acme", email: "a@b.dev", employees: "" })).toEqual({ name: "Acme" });
  });
});

describe("filter choices", () => {
  it("offers operators by type and maps empty checks to is:NULL / is:NOT_NULL", () => {
    expect(operatorsFor(field("city", "TEXT"))).toContain("like");
    expect(operatorsFor(field("employees", "NUMBER"))).not.toContain("like");
    expect(toFilter(field("city", "TEXT"), "is:NULL", "ignored")).toEqual({ field: "city", op: "is", value: "NULL" });
    expect(choiceOf({ field: "city", op: "is", value: "NOT_NULL" })).toBe("is:NOT_NULL");
    expect(needsValue("is:NULL")).toBe(false);
    expect(needsValue("gte")).toBe(true);
  });
});

describe("CSV dialect", () => {
  it("escapes formulas but not phone numbers or negative numbers, and undoes the escape on import", () => {
    expect(FORMULA_PATTERN.test("=SUM(A1)")).toBe(true);
    expect(FORMULA_PATTERN.test("@cmd")).toBe(true);
    expect(FORMULA_PATTERN.test("+cmd|' /C calc'!A0")).toBe(true);
    expect(FORMULA_PATTERN.test("-2+3+cmd")).toBe(true);
    expect(FORMULA_PATTERN.test("+33 6 12 34 56 78")).toBe(false);
    expect(FORMULA_PATTERN.test("-12.5")).toBe(false);
    expect(FORMULA_PATTERN.test("Plain text")).toBe(false);
    expect(unescapeFormula("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unescapeFormula("'quoted")).toBe("'quoted");
    expect(headerKey("  JOB title ")).toBe("job title");
  });
});
