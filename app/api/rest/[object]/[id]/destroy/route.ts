import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleDestroyRecord, type RecordParams } from "@/lib/api/records-handlers";

/** Permanent deletion, of a live or trashed record. */
export async function DELETE(request: Request, context: { params: Promise<RecordParams> }) {
  return handleDestroyRecord(defaultApiDeps(), request, await context.params);
}
