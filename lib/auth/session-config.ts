import type { SessionOptions } from "iron-session";
import { trustedProxyHops } from "./client-address";

/** How long a session lasts without signing in again: the cookie's and the session row's lifetime. */
export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 14;

/**
 * What the signed, encrypted session cookie holds: who is signed in, and the secret of their
 * server-side session (lib/auth/sessions.ts). A cookie whose session row is gone was signed out,
 * and counts as signed out everywhere.
 */
export interface SessionData {
  userId?: string;
  sessionId?: string;
  /** "View as this role" (SPEC §14): the role whose read-only projection this session looks through. */
  viewAsRoleId?: string;
  /** Permission sets viewed beside that role (SPEC §17). */
  viewAsSetIds?: string[];
}

export const SESSION_COOKIE = "rolecall_session";
const MIN_SECRET_LENGTH = 32;

/**
 * Whether the session cookie must be `Secure`: when the app's public URL is https, or when a
 * trusted proxy (TRUST_PROXY=1) says the request came over https.
 */
export function secureCookies(forwardedProto?: string | null): boolean {
  if ((process.env.APP_URL ?? "").startsWith("https://")) return true;
  return trustedProxyHops() > 0 && forwardedProto?.split(",")[0]?.trim() === "https";
}

export function sessionOptions(forwardedProto?: string | null): SessionOptions {
  const password = process.env.SESSION_SECRET;
  if (!password || password.length < MIN_SECRET_LENGTH) {
    throw new Error(`SESSION_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters (npm start writes one to .env.local).`);
  }
  return {
    password,
    cookieName: SESSION_COOKIE,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      // Not always Secure: browsers drop a Secure cookie set over plain http (other than localhost).
      secure: secureCookies(forwardedProto),
      path: "/",
    },
  };
}
