import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleOpenApiDocument } from "@/lib/api/service-handlers";

export async function GET(request: Request) {
  return handleOpenApiDocument(defaultApiDeps(), request, {});
}
