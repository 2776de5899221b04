import { expect } from "vitest";

export type ActionOutcome = { ok: boolean; errors?: { code: string; field?: string }[] };

/**
 * Asserts that an action is refused with `code` (beside `field`, when given) and that the
 * database, as `snapshot` sees it, is exactly as before: a refusal loses and changes nothing.
 */
export async function expectRefusedWithoutChange(snapshot: () => Promise<string>, call: () => Promise<ActionOutcome>, code: string, field?: string) {
  const before = await snapshot();
  const result = await call();
  expect(result.ok).toBe(false);
  expect(result.errors).toContainEqual(field ? expect.objectContaining({ code, field }) : expect.objectContaining({ code }));
  expect(await snapshot()).toBe(before);
}
