import { DomainError } from "@/lib/errors";
import { errorResponse } from "@/lib/api/responses";

/** Any other /api path answers a JSON 404 like the rest of the API, not an HTML page. */
function notFound() {
  return errorResponse(new DomainError("NOT_FOUND"));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
