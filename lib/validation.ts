/**
 * The one way untrusted input becomes a `VALIDATION_FAILED` DomainError, at every server
 * boundary (server actions, REST handlers, agent tools, record bodies). What differs per channel
 * is only how issues are reported:
 *   - "form": every issue, as a field error (the form highlights each field; the UI has the words);
 *   - "query": the first issue of request parameters (REST query strings);
 *   - "arguments": the first issue of an agent tool's arguments;
 *   - "values": the first issue of a record's field values (a missing field is "required").
 * The reason and `detail` (zod's own text) let the API catalog build the sentence.
 */
import type { z } from "zod";
import { DomainError, domainErrors } from "@/lib/errors";

export type IssueReport = "form" | "query" | "arguments" | "values";

function firstIssueError(issue: z.core.$ZodIssue, input: unknown, report: Exclude<IssueReport, "form">): DomainError {
  if (report === "query" && issue.code === "unrecognized_keys") {
    return new DomainError("VALIDATION_FAILED", { field: issue.keys[0], params: { reason: "UNEXPECTED_PARAMETER" } });
  }
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  if (field === undefined) return new DomainError("VALIDATION_FAILED", { params: { reason: "INVALID_INPUT", detail: issue.message } });
  const given = typeof input === "object" && input !== null && Object.prototype.hasOwnProperty.call(input, field);
  if (report === "values" && !given) return new DomainError("VALIDATION_FAILED", { field, params: { reason: "REQUIRED" } });
  return new DomainError("VALIDATION_FAILED", { field, params: { reason: report === "query" ? "INVALID_PARAMETER" : "INVALID_VALUE", detail: issue.message } });
}

/** Parses input with zod, or throws the channel's VALIDATION_FAILED. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown, report: IssueReport = "form"): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  if (report !== "form") throw firstIssueError(parsed.error.issues[0], input, report);
  throw domainErrors(
    parsed.error.issues.map((issue) => ({ code: "VALIDATION_FAILED" as const, field: issue.path.join(".") || undefined })),
  );
}
