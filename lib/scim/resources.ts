/**
 * SCIM 2.0 wire shapes (RFC 7643 resources, RFC 7644 messages): users, groups, list responses
 * and errors, and the small part of the filter grammar identity providers send (`attr eq "v"`).
 */
export const SCIM_CONTENT_TYPE = "application/scim+json";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** RFC 7644 §3.12 `scimType` values used here. */
export type ScimType = "invalidFilter" | "invalidValue" | "invalidSyntax" | "uniqueness" | "mutability" | "noTarget" | "tooMany" | "invalidPath";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType) {
  return { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

export interface ScimUserRow {
  id: string;
  externalId: string | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  user: { email: string; name: string; updatedAt: Date };
  groups: { id: string; displayName: string }[];
}

export function toScimUser(row: ScimUserRow, base: string) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.user.email,
    name: { formatted: row.user.name },
    displayName: row.user.name,
    emails: [{ value: row.user.email, type: "work", primary: true }],
    active: row.deactivatedAt === null,
    groups: row.groups.map((group) => ({ value: group.id, display: group.displayName, $ref: `${base}/Groups/${group.id}` })),
    meta: { resourceType: "User", created: row.createdAt.toISOString(), lastModified: row.user.updatedAt.toISOString(), location: `${base}/Users/${row.id}` },
  };
}

export interface ScimGroupRow {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: { id: string; name: string }[];
}

export function toScimGroup(row: ScimGroupRow, base: string) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    members: row.members.map((member) => ({ value: member.id, display: member.name, $ref: `${base}/Users/${member.id}` })),
    meta: { resourceType: "Group", created: row.createdAt.toISOString(), lastModified: row.updatedAt.toISOString(), location: `${base}/Groups/${row.id}` },
  };
}

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** `startIndex` (1-based, below 1 means 1) and `count` (0 … 200, default 100), RFC 7644 §3.4.2.4. */
export function pagination(params: URLSearchParams): { startIndex: number; count: number } {
  const int = (name: string, fallback: number) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    if (!/^-?\d+$/.test(raw.trim())) throw new ScimError(400, `${name} must be an integer`, "invalidValue");
    return Number(raw);
  };
  return { startIndex: Math.max(1, int("startIndex", 1)), count: Math.min(200, Math.max(0, int("count", 100))) };
}

/** `attr eq "value"`: the one filter identity providers send to find a user or group. */
export function parseEqFilter(filter: string | null, attributes: readonly string[]): { attribute: string; value: string } | null {
  if (filter === null || filter.trim() === "") return null;
  const match = /^\s*([A-Za-z][\w.]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!match) throw new ScimError(400, `Unsupported filter: only ${attributes.map((name) => `${name} eq "…"`).join(", ")}`, "invalidFilter");
  const attribute = attributes.find((name) => name.toLowerCase() === match[1].toLowerCase());
  if (!attribute) throw new ScimError(400, `Unsupported filter attribute ${match[1]}`, "invalidFilter");
  return { attribute, value: match[2].replace(/\\(.)/g, "$1") };
}

/** IdPs send booleans as JSON booleans or as "True"/"False" strings (Entra ID). */
export function scimBoolean(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw new ScimError(400, "active must be a boolean", "invalidValue");
}
