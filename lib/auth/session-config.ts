import type { SessionOptions } from "iron-session";

/** What the signed, encrypted session cookie holds: who is signed in, nothing else. */
export interface SessionData {
  userId?: string;
}

export const SESSION_COOKIE = "rolecall_session";
const MIN_SECRET_LENGTH = 32;

export function sessionOptions(): SessionOptions {
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
      // Behind HTTPS set APP_URL=https://…; plain http://localhost would drop a Secure cookie elsewhere.
      secure: (process.env.APP_URL ?? "").startsWith("https://"),
      path: "/",
    },
  };
}
