/**
 * Where to go after signing in (SPEC §12): the `next` parameter only when it is a path of this
 * site, else "/". Resolving it as a browser would (`new URL(next, origin)`) catches the tricks a
 * string check misses: `//evil.example` and `/\evil.example` are other hosts, tabs and newlines
 * are stripped, and `/.//evil.example` normalises to a path that starts with `//`.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The result is handed to a redirect: it must not read as protocol-relative either.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}
