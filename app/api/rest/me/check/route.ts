import { defaultApiDeps } from "@/lib/api/default-deps";
import { handlePermissionCheck } from "@/lib/api/me-handlers";

export async function GET(request: Request) {
  return handlePermissionCheck(defaultApiDeps(), request, {});
}
