import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleCreateAccessRequest, handleListAccessRequests } from "@/lib/api/access-request-handlers";

export async function GET(request: Request) {
  return handleListAccessRequests(defaultApiDeps(), request, {});
}

export async function POST(request: Request) {
  return handleCreateAccessRequest(defaultApiDeps(), request, {});
}
