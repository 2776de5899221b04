import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleCreateRecord, handleListRecords, type ObjectParams } from "@/lib/api/records-handlers";

type Context = { params: Promise<ObjectParams> };

export async function GET(request: Request, context: Context) {
  return handleListRecords(defaultApiDeps(), request, await context.params);
}

export async function POST(request: Request, context: Context) {
  return handleCreateRecord(defaultApiDeps(), request, await context.params);
}
