import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db/prisma";
import { beginOidcSignIn, OIDC_COOKIE, OIDC_COOKIE_TTL_SECONDS } from "@/lib/identity/oidc";
import { requestInfo } from "@/lib/auth/request-info";
import { safeNextPath } from "@/lib/auth/safe-next";
import { secureCookies } from "@/lib/auth/session-config";

/** `Sign in with <Provider name>` (docs/reference.md §20): off to the provider, with the pending sign-in sealed in a cookie. */
export async function GET(request: NextRequest) {
  const { origin } = await requestInfo();
  const next = request.nextUrl.searchParams.get("next");
  try {
    const { url, cookie } = await beginOidcSignIn(db, origin, next ? safeNextPath(next, origin) : null);
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(OIDC_COOKIE, cookie, { httpOnly: true, sameSite: "lax", secure: secureCookies(request.headers.get("x-forwarded-proto")), path: "/auth/oidc", maxAge: OIDC_COOKIE_TTL_SECONDS });
    return response;
  } catch (error) {
    console.error("OIDC sign-in could not start:", error instanceof Error ? error.message : error);
    return NextResponse.redirect(new URL("/sign-in?sso=failed", origin), 303);
  }
}
