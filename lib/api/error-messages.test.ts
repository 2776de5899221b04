import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { parseListText } from "@/lib/records/list-syntax";
import { parseOrThrow } from "@/lib/validation";
import { apiErrorMessage } from "./error-messages";

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return apiErrorMessage(error);
    throw error;
  }
  throw new Error("nothing thrown");
}

describe("API error sentences, from the English catalog", () => {
  it("writes numbers as they are, and names object and field", () => {
    expect(apiErrorMessage(new DomainError("PAYLOAD_TOO_LARGE", { params: { limit: 1_048_576 } }))).toBe("The request body exceeds the limit of 1048576 bytes.");
    expect(apiErrorMessage(new DomainError("FORBIDDEN", { params: { object: "people", field: "email", reason: "FIELD_READ_ONLY" } }))).toBe(
      'The field "email" of "people" is read-only for your role.',
    );
    expect(apiErrorMessage(new DomainError("UNAUTHENTICATED", { params: { reason: "MISSING_KEY" } }))).toBe("An API key is required: send Authorization: Bearer <key>.");
    expect(apiErrorMessage(new DomainError("FORBIDDEN", { params: { reason: "ACTION_NOT_ALLOWED" } }))).toBe("Your role does not allow this.");
  });

  it("says what is wrong with list syntax and with zod-checked input", () => {
    expect(messageOf(() => parseListText({ filter: "city=Paris" }))).toBe('"city=Paris" is not a condition: write field[op]:value, e.g. city[eq]:Paris.');
    expect(messageOf(() => parseListText({ orderBy: "a b" }))).toBe('"a b" is not a sort: write field or field:desc.');
    const schema = z.strictObject({ limit: z.coerce.number().int().min(1).optional() });
    expect(messageOf(() => parseOrThrow(schema, { extra: "1" }, "query"))).toBe("Unexpected parameter extra here.");
    expect(messageOf(() => parseOrThrow(schema, { limit: "0" }, "query"))).toMatch(/^Invalid limit: /);
    expect(messageOf(() => parseOrThrow(z.object({ name: z.string() }), {}, "values"))).toBe("name is required.");
    expect(messageOf(() => parseOrThrow(z.object({ name: z.string() }), { name: 1 }, "arguments"))).toMatch(/^Invalid value for name: /);
  });
});
