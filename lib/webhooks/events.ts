/**
 * Webhook events (docs/reference.md §20): what a webhook may subscribe to, and which audit entry is which
 * event. Every change to access already writes one audit entry in its own transaction; the event
 * is named from it, so a webhook hears of exactly what the audit log records, never of a change
 * that was rolled back.
 */
import type { AuditAction } from "@/lib/audit/log";

export const WEBHOOK_EVENT_PATTERNS = ["role.*", "assignment.*", "request.*", "member.*"] as const;
export type WebhookEventPattern = (typeof WEBHOOK_EVENT_PATTERNS)[number];

/**
 * Audit action → event. Roles and permission sets are both `role.*` (the payload's target type
 * says which); giving and taking a role or a set are `assignment.*`. `request.*` is reserved for
 * access requests (docs/reference.md §18): it is accepted now so a webhook made today hears them once they exist.
 */
const EVENTS: Partial<Record<AuditAction, string>> = {
  "role.created": "role.created",
  "role.updated": "role.updated",
  "role.restored": "role.restored",
  "role.deleted": "role.deleted",
  "role.assigned": "assignment.created",
  "role.unassigned": "assignment.removed",
  "role.expired": "assignment.expired",
  "permissionSet.assigned": "assignment.created",
  "permissionSet.unassigned": "assignment.removed",
  "permissionSet.expired": "assignment.expired",
  "member.invited": "member.invited",
  "member.removed": "member.removed",
  "member.deactivated": "member.deactivated",
  "member.reactivated": "member.reactivated",
  "member.updated": "member.updated",
};

export function webhookEventOf(action: string): string | null {
  return (EVENTS as Record<string, string | undefined>)[action] ?? null;
}

export function eventMatches(patterns: readonly string[], event: string): boolean {
  return patterns.some((pattern) => pattern === event || (pattern.endsWith(".*") && event.startsWith(pattern.slice(0, -1))));
}

export function parseEvents(json: string): WebhookEventPattern[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is WebhookEventPattern => (WEBHOOK_EVENT_PATTERNS as readonly string[]).includes(String(item))) : [];
  } catch {
    return [];
  }
}
