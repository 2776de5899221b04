import type { SessionOptions } from "iron-session";

/**
 * What the signed, encrypted session cookie holds: who is signed in, and the user's session
 * generation at sign-in. A cookie whose generation is older than the user's is refused, which is
 * how "Sign out of all sessions" and a password change end sessions held by other browsers.
 */
export interface SessionData {
  userId?: string;
  generation?: number;
  /** "View as this role" (SPEC §14): the role whose read-only projection this session looks through. */
  viewAsRoleId?: string;
}

export const SESSION_COOKIE = "rolecall_session";
const MIN_SECRET_LENGTH = 32;

/**
 * Whether the session cookie must be `Secure`: when the app's public URL is https, or when a
 * trusted proxy (TRUST_PROXY=1) says the request came over https.
 */
export function secureCookies(forwardedProto?: string | null): boolean {
  if ((process.env.APP_URL ?? "").startsWith("https://")) return true;
  return process.env.TRUST_PROXY === "1" && forwardedProto?.split(",")[0]?.trim() === "https";
}

export function sessionOptions(forwardedProto?: string | null): SessionOptions {
  const password = process.env.SESSION_SECRET;
  if (!password || password.length < MIN_SECRET_LENGTH) {
    throw new Error(`SESSION_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters (npm start writes one to .env.local).`);
  }
  return {
    password,
    cookieName: SESSION_COOKIE,
    ttl: 60 * 60 * 24 * 14,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      // Not always Secure: browsers drop a Secure cookie set over plain http (other than localhost).
      secure: secureCookies(forwardedProto),
      path: "/",
    },
  };
}
