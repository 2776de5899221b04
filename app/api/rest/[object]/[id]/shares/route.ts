import { defaultApiDeps } from "@/lib/api/default-deps";
import type { RecordParams } from "@/lib/api/records-handlers";
import { handleCreateShare, handleDeleteShare, handleListShares } from "@/lib/api/share-handlers";

export async function GET(request: Request, context: { params: Promise<RecordParams> }) {
  return handleListShares(defaultApiDeps(), request, await context.params);
}

export async function POST(request: Request, context: { params: Promise<RecordParams> }) {
  return handleCreateShare(defaultApiDeps(), request, await context.params);
}

export async function DELETE(request: Request, context: { params: Promise<RecordParams> }) {
  return handleDeleteShare(defaultApiDeps(), request, await context.params);
}
