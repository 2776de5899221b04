import type { Tx } from "@/lib/db/prisma";
import { apiKeyPrincipal, type Principal } from "@/lib/access/principal";
import { DomainError } from "@/lib/errors";

const BEARER = /^Bearer +(\S+) *$/i;
/** Real secrets are ~35 characters; refusing huge ones early keeps hashing cheap. */
const MAX_SECRET_LENGTH = 512;

export type AuthenticationFailure = "MISSING_KEY" | "MALFORMED_AUTHORIZATION" | "INVALID_KEY" | "REVOKED_KEY" | "EXPIRED_KEY";

function unauthenticated(reason: AuthenticationFailure) {
  return new DomainError("UNAUTHENTICATED", { params: { reason } });
}

export function hasAuthorization(request: Request): boolean {
  return request.headers.has("authorization");
}

/** The principal of `Authorization: Bearer <secret>`; UNAUTHENTICATED (401) naming why otherwise. */
export async function authenticateApiKey(db: Tx, request: Request, now: Date): Promise<Principal> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") throw unauthenticated("MISSING_KEY");
  const secret = BEARER.exec(header)?.[1];
  if (secret === undefined) throw unauthenticated("MALFORMED_AUTHORIZATION");
  if (secret.length > MAX_SECRET_LENGTH) throw unauthenticated("INVALID_KEY");
  const result = await apiKeyPrincipal(db, secret, now);
  if (!result.ok) throw unauthenticated(result.reason);
  return result.principal;
}
