/**
 * The address a request came from (SPEC §16), for the per-address limits of sign-in and API-key
 * lookups. The server (server.ts) writes the socket's address into `PEER_ADDRESS_HEADER` of every
 * request, over whatever a client sent under that name. `X-Forwarded-For` is read only when
 * `TRUST_PROXY` says how many proxies of ours stand in front, and then from the right: each of
 * our proxies appends the address it saw, so the entry `hops` places from the socket is the
 * client as our outermost proxy saw it; anything further left is the client's own say.
 */

/** Set by server.ts from the socket, never taken from the client. */
export const PEER_ADDRESS_HEADER = "x-rolecall-peer-address";

/** How many proxies of ours stand in front (`TRUST_PROXY`, a whole number; unset or invalid: none). */
export function trustedProxyHops(): number {
  const hops = Number(process.env.TRUST_PROXY ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

function forwardedEntries(forwardedFor: string | null | undefined): string[] {
  return (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
}

/**
 * The client's address. Without a peer address (a server started some other way) every request
 * counts as one address: stricter, never looser, than believing a header.
 */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined): string {
  const socket = peer?.trim() || "unknown";
  const hops = trustedProxyHops();
  if (hops === 0) return socket;
  // The chain as our side saw it: what the proxies appended, then the proxy that reached the socket.
  const chain = [...forwardedEntries(forwardedFor), socket];
  return chain[Math.max(0, chain.length - 1 - hops)];
}

/** The client address of a fetch-API request (REST, MCP) or a header bag (server actions). */
export function requestClientAddress(headers: Pick<Headers, "get">): string {
  return clientAddress(headers.get(PEER_ADDRESS_HEADER), headers.get("x-forwarded-for"));
}
