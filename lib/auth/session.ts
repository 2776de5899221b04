import { getIronSession } from "iron-session";
import { cookies, headers } from "next/headers";
import { sessionOptions, type SessionData } from "./session-config";

export async function getSession() {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  return getIronSession<SessionData>(cookieStore, sessionOptions(requestHeaders.get("x-forwarded-proto")));
}
