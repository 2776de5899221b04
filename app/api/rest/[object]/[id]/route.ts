import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleGetRecord, handleSoftDeleteRecord, handleUpdateRecord, type RecordParams } from "@/lib/api/records-handlers";

type Context = { params: Promise<RecordParams> };

export async function GET(request: Request, context: Context) {
  return handleGetRecord(defaultApiDeps(), request, await context.params);
}

export async function PATCH(request: Request, context: Context) {
  return handleUpdateRecord(defaultApiDeps(), request, await context.params);
}

/** Soft delete: the record goes to the trash. Permanent deletion is DELETE …/destroy. */
export async function DELETE(request: Request, context: Context) {
  return handleSoftDeleteRecord(defaultApiDeps(), request, await context.params);
}
