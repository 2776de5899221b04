/**
 * The shapes of API answers, as zod schemas for the OpenAPI document. Handlers build these
 * answers from domain results; tests/integration/rest-permissions checks real answers against them.
 */
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";
import { PERMISSION_SOURCES, PRINCIPAL_KINDS } from "@/lib/permissions";

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("An English sentence naming the object or field concerned."),
    field: z.string().optional().describe("The field or parameter the error is about, when there is one."),
  }),
});

export const pageInfoSchema = z.object({
  endCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on an empty page."),
  hasNextPage: z.boolean(),
});

/** One of a principal's grants (SPEC §17): its role or a permission set. */
const grantRefSchema = z.object({ kind: z.enum(["role", "set"]), id: z.string(), name: z.string() });

export const explanationSchema = z.object({
  data: z.object({
    allowed: z.boolean(),
    source: z.enum(PERMISSION_SOURCES),
    reason: z.string(),
    recordRule: z
      .object({ object: z.string(), rule: z.unknown(), description: z.string() })
      .optional()
      .describe("Present when the answer holds only for the records the role's record-level rule reaches (SPEC §13)."),
    grant: grantRefSchema.optional().describe("With permission sets (SPEC §17): the grant that allows it."),
    consulted: z.array(grantRefSchema).optional().describe("With permission sets: every grant the answer consulted (for a refusal, each refused)."),
  }),
});

/** GET /api/rest/guardrails/check (SPEC §14). */
export const guardrailsCheckSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      statement: z.string().describe('e.g. "Intern must never See field Address on People"'),
      role: z.object({ id: z.string(), name: z.string() }).nullable().describe("The role it is about; null for a guardrail about a member."),
      member: z.object({ id: z.string(), name: z.string() }).nullable().describe("The member it is about (SPEC §17); null for a guardrail about a role."),
      mode: z.enum(["always", "never"]),
      action: z.string().describe("An object action (see, create, edit, delete, destroy), a settings key (ROLES) or an action key (EXPORT_CSV)."),
      object: z.string().nullable(),
      field: z.string().nullable(),
      holds: z.boolean(),
      reason: z.string().describe("The engine's sentence for the deciding value."),
    }),
  ),
  holds: z.boolean().describe("Whether every guardrail holds."),
});

const resolvedValueSchema = z.object({ value: z.boolean(), source: z.enum(PERMISSION_SOURCES) });
export const myPermissionsSchema = z.object({
  data: z.object({
    principal: z.object({ kind: z.enum(PRINCIPAL_KINDS), id: z.string(), label: z.string() }),
    role: z.object({ id: z.string(), name: z.string() }).nullable(),
    permissionSets: z
      .array(z.object({ id: z.string(), name: z.string(), until: z.string().nullable().describe("ISO instant it ends, or null for good.") }))
      .describe("The permission sets held now beside the role (SPEC §17)."),
    permissions: z.object({
      isAdmin: z.boolean(),
      settingsAllAccess: z.boolean(),
      actionsAllAccess: z.boolean(),
      objects: z.record(
        z.string(),
        z.object({
          see: resolvedValueSchema,
          create: resolvedValueSchema,
          edit: resolvedValueSchema,
          delete: resolvedValueSchema,
          destroy: resolvedValueSchema,
          records: z
            .object({ rule: z.unknown(), source: z.enum(PERMISSION_SOURCES) })
            .describe('The records every action applies to: { mode: "all" } or a record-level rule { mode: "match", join, conditions }.'),
          fields: z.record(z.string(), z.object({ see: resolvedValueSchema, create: resolvedValueSchema, edit: resolvedValueSchema, restrictable: z.boolean(), kind: z.string() })),
        }),
      ),
      settings: z.record(z.string(), resolvedValueSchema),
      actions: z.record(z.string(), resolvedValueSchema),
    }),
  }),
});
