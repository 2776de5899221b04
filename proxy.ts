import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session-config";

/**
 * An optimistic check only: a visitor without a session cookie is sent to the sign-in page,
 * remembering where they were going. Pages and actions still verify the session on the server.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== "/") signIn.searchParams.set("next", next);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but the sign-in and setup pages, APIs (they answer 401 themselves) and static files.
  matcher: ["/((?!sign-in|setup|api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
