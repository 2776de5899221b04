import { defaultApiDeps } from "@/lib/api/default-deps";
import { handleGuardrailsCheck } from "@/lib/api/guardrail-handlers";

export async function GET(request: Request) {
  return handleGuardrailsCheck(defaultApiDeps(), request, {});
}
