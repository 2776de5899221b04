import { createHash, randomBytes } from "node:crypto";

const SECRET_PREFIX = "rc_";

/** A new random key secret; it is shown once and only its hash is stored. */
export function generateApiKeySecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString("base64url");
}

/** Key secrets carry 192 bits of entropy, so a fast hash is safe and keeps lookups O(1). */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, 7);
}
