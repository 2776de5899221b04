import type { z } from "zod";
import { domainErrors } from "@/lib/errors";

/** Parses untrusted input at a server boundary; every issue becomes a field error. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw domainErrors(
    parsed.error.issues.map((issue) => ({ code: "VALIDATION_FAILED" as const, field: issue.path.join(".") || undefined })),
  );
}
