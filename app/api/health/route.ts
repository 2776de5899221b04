import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleHealth } from "@/lib/api/service-handlers";

// Answer every probe live, never from a build-time snapshot.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleHealth(defaultApiDeps(), request, {});
}
