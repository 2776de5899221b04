import { DomainError } from "@/lib/errors";

/** One record is a few kilobytes; 1 MB leaves room for rich text and refuses abuse early. */
export const MAX_BODY_BYTES = 1_048_576;

function tooLarge(maxBytes: number) {
  return new DomainError("PAYLOAD_TOO_LARGE", { params: { limit: maxBytes } });
}

function invalidJson(detail: string) {
  return new DomainError("INVALID_JSON", { params: { detail } });
}

/** Reads at most `maxBytes` (counting as it streams: Content-Length may be absent or wrong). */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The request's JSON body: 413 above the cap, 400 INVALID_JSON when absent or malformed. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const bytes = await readCapped(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidJson("The body is not UTF-8 text.");
  }
  if (text.trim() === "") throw invalidJson("A JSON body is required.");
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson("The body is not valid JSON.");
  }
}
