import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db/prisma";
import { completeOidcSignIn, OIDC_COOKIE } from "@/lib/identity/oidc";
import { requestInfo } from "@/lib/auth/request-info";
import { getSession } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/sessions";
import { safeNextPath } from "@/lib/auth/safe-next";

/** The redirect URL registered at the provider (`<APP_URL>/auth/oidc/callback`, docs/reference.md §20). */
export async function GET(request: NextRequest) {
  const { origin } = await requestInfo();
  let target: string;
  try {
    const signedIn = await completeOidcSignIn(db, origin, request.nextUrl, request.cookies.get(OIDC_COOKIE)?.value);
    const session = await getSession();
    session.userId = signedIn.userId;
    session.sessionId = await startSession(db, signedIn.userId);
    session.viewAsRoleId = undefined;
    await session.save();
    target = safeNextPath(signedIn.next ?? undefined, origin);
  } catch (error) {
    console.error("OIDC sign-in refused:", error instanceof Error ? `${error.message} ${JSON.stringify((error as { details?: unknown }).details ?? {})}` : error);
    target = "/sign-in?sso=failed";
  }
  const response = NextResponse.redirect(new URL(target, origin), 303);
  response.cookies.set(OIDC_COOKIE, "", { path: "/auth/oidc", maxAge: 0 });
  return response;
}
