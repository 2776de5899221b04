import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleRestoreRecord, type RecordParams } from "@/lib/api/records-handlers";

export async function POST(request: Request, context: { params: Promise<RecordParams> }) {
  return handleRestoreRecord(defaultApiDeps(), request, await context.params);
}
