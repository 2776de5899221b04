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
    needs: z
      .object({
        permission: z.object({
          kind: z.enum(["object", "field", "setting", "action"]),
          action: z.string().optional(),
          object: z.string().optional(),
          field: z.string().optional(),
          key: z.string().optional(),
        }),
        message: z.string().describe("What would allow it, e.g. `Needs Edit records on People`."),
        request: z.object({ method: z.string(), path: z.string() }).describe("Where to ask for it: send `permission` with a `reason` and a period."),
      })
      .optional()
      .describe("On a refusal (403): the smallest grant that would allow the request (docs/reference.md §18)."),
  }),
});

export const pageInfoSchema = z.object({
  endCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on an empty page."),
  hasNextPage: z.boolean(),
});

/** One of a principal's grants (docs/reference.md §17): its role or a permission set. */
const grantRefSchema = z.object({ kind: z.enum(["role", "set"]), id: z.string(), name: z.string() });

export const explanationSchema = z.object({
  data: z.object({
    allowed: z.boolean(),
    source: z.enum(PERMISSION_SOURCES),
    reason: z.string(),
    recordRule: z
      .object({ object: z.string(), rule: z.unknown(), description: z.string() })
      .optional()
      .describe("Present when the answer holds only for the records the role's record-level rule reaches (docs/reference.md §13)."),
    grant: grantRefSchema.optional().describe("With permission sets (docs/reference.md §17): the grant that allows it."),
    consulted: z.array(grantRefSchema).optional().describe("With permission sets: every grant the answer consulted (for a refusal, each refused)."),
    record: z
      .object({
        id: z.string(),
        reached: z.boolean(),
        paths: z.array(
          z.object({
            kind: z.enum(["all", "me", "myTeams", "myReports", "rule", "shared"]),
            text: z.string(),
            field: z.string().optional(),
            team: z.string().optional(),
            sharedBy: z.string().nullable().optional(),
            access: z.enum(["view", "edit"]).optional(),
          }),
        ),
      })
      .optional()
      .describe("With `recordId`: whether the caller reaches that record for the action, and every path that does (docs/reference.md §19)."),
  }),
});

/** GET /api/rest/guardrails/check (docs/reference.md §14). */
export const guardrailsCheckSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      statement: z.string().describe('e.g. "Intern must never See field Address on People"'),
      role: z.object({ id: z.string(), name: z.string() }).nullable().describe("The role it is about; null for a guardrail about a member."),
      member: z.object({ id: z.string(), name: z.string() }).nullable().describe("The member it is about (docs/reference.md §17); null for a guardrail about a role."),
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
      .describe("The permission sets held now beside the role (docs/reference.md §17)."),
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

/** docs/reference.md §18: one access request as `POST`/`GET /api/rest/me/access-requests` answer it. */
export const accessRequestSchema = z.object({
  id: z.string(),
  requester: z.object({ kind: z.enum(["member", "apiKey", "agent"]), id: z.string(), label: z.string() }),
  permission: z.object({ kind: z.enum(["object", "field", "setting", "action"]), action: z.string().optional(), object: z.string().optional(), field: z.string().optional(), key: z.string().optional() }).describe("The smallest grant asked for (engine names)."),
  reason: z.string(),
  periodSeconds: z.number().int().nullable().describe("Counted from the approval; null when `until` names the end."),
  until: z.string().nullable(),
  status: z.enum(["open", "approved", "denied"]),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe("When an approved grant ends."),
});

/** GET /api/rest/roles: the roles as Settings → Roles lists them (lib/roles/queries.ts). */
export const rolesListSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      icon: z.string(),
      isAdmin: z.boolean(),
      isDefault: z.boolean().describe("Whether members without a role of their own, and keys without one, get this role."),
      memberCount: z.number().int(),
      apiKeyCount: z.number().int(),
      agentCount: z.number().int(),
    }),
  ),
});
