/**
 * Role names (SPEC §3, §8): trimmed, 1–100 characters in any script, unique in the workspace
 * regardless of case. "Characters" are Unicode code points after NFC normalisation, so "é"
 * typed as e + combining accent counts once, and a Japanese name counts one per kanji/kana.
 */
import { ROLE_NAME_MAX_LENGTH } from "./constants";
import type { RoleNameIssue } from "./types";

/** The form to store and display: trimmed (Unicode whitespace, incl. the ideographic space) and NFC. */
export function normalizeRoleName(name: string): string {
  return name.trim().normalize("NFC");
}

/**
 * The comparison key for uniqueness (usable as a unique database column). Upper- then
 * lower-casing approximates Unicode case folding: "Straße" and "STRASSE" collide, as do the
 * Greek sigma forms, which a lone toLowerCase() would keep apart.
 */
export function roleNameKey(name: string): string {
  return normalizeRoleName(name).toUpperCase().toLowerCase().normalize("NFC");
}

/**
 * Null when `name` is acceptable. `existingNames` are the workspace's other roles (leave out the
 * role being renamed, or renaming it to its own name would count as taken).
 */
export function validateRoleName(name: string, existingNames: readonly string[]): RoleNameIssue | null {
  const normalized = normalizeRoleName(name);
  if (normalized.length === 0) return { code: "ROLE_NAME_REQUIRED" };
  if (countCodePoints(normalized) > ROLE_NAME_MAX_LENGTH) return { code: "ROLE_NAME_TOO_LONG" };
  const key = roleNameKey(normalized);
  if (existingNames.some((existing) => roleNameKey(existing) === key)) return { code: "ROLE_NAME_TAKEN" };
  return null;
}

function countCodePoints(text: string): number {
  // String iteration walks code points: a surrogate pair (e.g. 𠮷 or an emoji) counts once,
  // where `text.length` would count two UTF-16 units.
  return Array.from(text).length;
}
