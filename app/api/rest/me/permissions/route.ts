import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleMyPermissions } from "@/lib/api/me-handlers";

export async function GET(request: Request) {
  return handleMyPermissions(defaultApiDeps(), request, {});
}
