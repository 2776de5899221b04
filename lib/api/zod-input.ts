import type { z } from "zod";
import { DomainError } from "@/lib/errors";

/** Parses request input with zod; the first issue becomes a 422 naming the parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === "unrecognized_keys") return failWith(issue.keys[0], `Unexpected parameter ${issue.keys[0]} here.`);
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  return failWith(field, field === undefined ? issue.message : `Invalid ${field}: ${issue.message}`);
}

function failWith(field: string | undefined, message: string): never {
  throw new DomainError("VALIDATION_FAILED", { ...(field === undefined ? {} : { field }), params: { message } });
}

/** Query parameters as a plain object: repeated keys keep every value, joined by `joiner`. */
export function searchParamsObject(params: URLSearchParams, repeatable: Record<string, string> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = key in repeatable ? values.join(repeatable[key]) : values[0];
  }
  return result;
}
