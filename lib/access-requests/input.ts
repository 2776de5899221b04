/**
 * What an access request carries (docs/reference.md §18), parsed once for every channel: the browser's dialog,
 * REST `POST /api/rest/me/access-requests` and the MCP tool `request_access`.
 */
import { z } from "zod";
import { ACTION_PERMISSIONS, FIELD_ACTIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "@/lib/permissions";

const name = z.string().min(1).max(100);

/** The permission asked for, as a refusal's `needs.permission` names it (object by REST or engine name). */
export const permissionInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("object"), action: z.enum(OBJECT_ACTIONS), object: name, field: name.optional() }),
  z.strictObject({ kind: z.literal("field"), action: z.enum(FIELD_ACTIONS), object: name, field: name }),
  z.strictObject({ kind: z.literal("setting"), key: z.enum(SETTINGS_PERMISSIONS) }),
  z.strictObject({ kind: z.literal("action"), key: z.enum(ACTION_PERMISSIONS) }),
]);

/** `For` (docs/reference.md §18): `1 hour`, `1 day`, `1 week`, counted from the approval, or an instant. */
export const PERIODS = { "1h": 3_600, "1d": 86_400, "1w": 604_800 } as const;
export type PeriodKey = keyof typeof PERIODS;
export const PERIOD_KEYS = Object.keys(PERIODS) as PeriodKey[];

export const accessRequestInputSchema = z.strictObject({
  permission: permissionInputSchema,
  reason: z.string().trim().min(1).max(1000),
  for: z.union([z.enum(PERIOD_KEYS as [PeriodKey, ...PeriodKey[]]), z.iso.datetime({ offset: true })]),
});

export type AccessRequestInput = z.infer<typeof accessRequestInputSchema>;
export type PermissionInput = z.infer<typeof permissionInputSchema>;

export const decisionInputSchema = z.strictObject({ requestId: z.string().min(1).max(100) });
export const denialInputSchema = z.strictObject({ requestId: z.string().min(1).max(100), reason: z.string().trim().min(1).max(1000) });

/** The workspace's longest period (Settings → Security), in hours: a week by default, a year at most. */
export const maxHoursSchema = z.coerce.number().int().min(1).max(8_760);
