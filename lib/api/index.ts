/** The REST API layer: thin handlers over lib/records, one wrapper for auth, limits and errors. */
export type { ApiDeps } from "./context";
export { buildOpenApiDocument, type OpenApiOptions } from "./openapi";
export { createRateLimiter, createDatabaseRateLimiter, rateLimitPerMinuteFromEnv, DEFAULT_RATE_LIMIT_PER_MINUTE } from "./rate-limit";
export { MAX_BODY_BYTES } from "./body";
