import type { Db } from "@/lib/db/prisma";
import { apiKeyPrincipal, type Principal } from "@/lib/access/principal";
import { requestClientAddress } from "@/lib/auth/client-address";
import { assertAddressNotThrottled, countFailedLookup } from "@/lib/auth/throttle";
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

/**
 * The principal of `Authorization: Bearer <secret>`; UNAUTHENTICATED (401) naming why otherwise.
 * A secret that matches no key counts against the client's address like a failed sign-in
 * (SPEC §16): past the limit the address gets 429 ADDRESS_THROTTLED, without a lookup.
 */
export async function authenticateApiKey(db: Db, request: Request, now: Date): Promise<Principal> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") throw unauthenticated("MISSING_KEY");
  const secret = BEARER.exec(header)?.[1];
  if (secret === undefined) throw unauthenticated("MALFORMED_AUTHORIZATION");
  const address = requestClientAddress(request.headers);
  assertAddressNotThrottled(address, now);
  const result = secret.length > MAX_SECRET_LENGTH ? ({ ok: false, reason: "INVALID_KEY" } as const) : await apiKeyPrincipal(db, secret, now);
  if (result.ok) return result.principal;
  if (result.reason === "INVALID_KEY") await countFailedLookup(db, address, now);
  throw unauthenticated(result.reason);
}
