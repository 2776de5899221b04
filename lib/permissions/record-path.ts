/**
 * Why a principal reaches one record (docs/reference.md §19 "Explain"): every path, in words the check API
 * and the record page show — `Owner is you`, `Owner is in your team West`, `Owner reports to
 * you`, `Shared by Mia`, or the rule that matched. Pure: the caller passes the record's stored
 * values, the principal (with its org and shares) and who shared the record with it.
 */
import { can } from "./check";
import { grantLabel } from "./grants";
import { describeRecordRule, evaluatePredicate, recordRulePredicate, relationOf, type RecordCondition, type RecordPrincipal, type RecordRule } from "./record-rule";
import type { EffectivePermissions, GrantRef, ObjectAction } from "./types";

export type RecordPathKind = "all" | "me" | "myTeams" | "myReports" | "rule" | "shared";

export interface RecordPath {
  readonly kind: RecordPathKind;
  /** One short English sentence (the UI builds its own from the other keys). */
  readonly text: string;
  /** The member field the path goes through (`Owner`), for me / myTeams / myReports. */
  readonly field?: string;
  /** myTeams: the team the field's member shares with the principal. */
  readonly team?: string;
  /** shared: who shared it (null: an API key), and how. */
  readonly sharedBy?: string | null;
  readonly access?: "view" | "edit";
  /** With several grants: the grant whose rule the path goes through. */
  readonly grant?: GrantRef;
}

/** A share of this record that reaches the principal (to it, or to one of its teams). */
export interface ShareOfRecord {
  readonly sharedBy: string | null;
  readonly access: "view" | "edit";
  /** The team it was shared with, when not the principal itself. */
  readonly team?: string;
}

type RecordLike = Readonly<Record<string, unknown>>;

function conditionPaths(condition: RecordCondition, record: RecordLike, principal: RecordPrincipal, label: (field: string) => string): RecordPath[] {
  const relation = relationOf(condition.value);
  if (!relation || condition.operator !== "eq" || principal.memberId === null) return [];
  const value = record[condition.field];
  const field = label(condition.field);
  if (relation === "me") return value === principal.memberId ? [{ kind: "me", text: `${field} is you`, field }] : [];
  if (relation === "myReports") return principal.org?.reportIds.includes(String(value)) ? [{ kind: "myReports", text: `${field} reports to you`, field }] : [];
  return (principal.org?.teams ?? [])
    .filter((team) => team.memberIds.includes(String(value)))
    .map((team) => ({ kind: "myTeams" as const, text: `${field} is in your team ${team.name}`, field, team: team.name }));
}

function rulePaths(rule: RecordRule, record: RecordLike, principal: RecordPrincipal, label: (field: string) => string): RecordPath[] {
  if (rule.mode === "all") return [{ kind: "all", text: "Reaches every record" }];
  if (rule.mode === "anyOf") return rule.rules.flatMap((part) => rulePaths(part, record, principal, label));
  if (!evaluatePredicate(recordRulePredicate(rule, { ...principal, shares: undefined }, "none"), record)) return [];
  const named = rule.conditions.flatMap((condition) => conditionPaths(condition, record, principal, label));
  // "All conditions": the relation ones say why, the others are met too; otherwise name the rule.
  return named.length > 0 ? named : [{ kind: "rule", text: `Matches ${describeRecordRule(rule)}` }];
}

/**
 * Every path by which `perms` reach `record` of `object` for `action` (see by default). Empty:
 * the record is not reached. Shares count for see (any) and edit (`Can edit`), never for delete.
 */
export function recordPaths(
  perms: EffectivePermissions,
  object: string,
  record: RecordLike,
  principal: RecordPrincipal,
  { action = "see", shares = [], fieldLabel = (name: string) => name }: { action?: ObjectAction; shares?: readonly ShareOfRecord[]; fieldLabel?: (field: string) => string } = {},
): RecordPath[] {
  const parts = perms.grants ?? [{ grant: undefined, permissions: perms }];
  const paths: RecordPath[] = [];
  for (const part of parts) {
    if (!can(part.permissions, action, object)) continue;
    const found = rulePaths(part.permissions.objects[object].records.rule, record, principal, fieldLabel);
    paths.push(...found.map((path) => (part.grant ? { ...path, grant: part.grant, text: `${path.text} (${grantLabel(part.grant)})` } : path)));
  }
  // No grant may do the action: no path. A grant reaching every record: shares add nothing.
  if (!parts.some((part) => can(part.permissions, action, object))) return [];
  if (paths.some((path) => path.kind === "all")) return paths.filter((path) => path.kind === "all");
  const counted = action === "see" ? shares : action === "edit" ? shares.filter((share) => share.access === "edit") : [];
  for (const share of counted) {
    const by = share.sharedBy ? `Shared by ${share.sharedBy}` : "Shared by an API key";
    paths.push({ kind: "shared", text: share.team ? `${by} with your team ${share.team}` : by, sharedBy: share.sharedBy, access: share.access, ...(share.team ? { team: share.team } : {}) });
  }
  return paths;
}
