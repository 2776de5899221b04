/**
 * DNS-rebinding protection of MCP over HTTP (SPEC §16, and the MCP specification's rule that a
 * server must validate `Origin`). Agents are not browsers and send no Origin; a browser always
 * does, so a page of another site that reached this server (by a rebound name, say) is refused.
 * Its Host header would name that other site too, so the allowed origin comes from
 * configuration: `APP_URL`'s origin, or, when it is unset (a local demo), loopback origins only.
 */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isAllowedOrigin(request: Pick<Request, "headers">): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const appUrl = process.env.APP_URL;
  if (appUrl) return url.origin === new URL(appUrl).origin;
  return (url.protocol === "http:" || url.protocol === "https:") && LOOPBACK_HOSTS.has(url.hostname);
}
