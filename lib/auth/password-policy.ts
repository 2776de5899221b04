import { DomainError } from "@/lib/errors";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * The rules a password chosen by a person must meet. Length is what matters most (NIST
 * SP 800-63B); the other checks refuse the guesses an attacker tries first: the account's own
 * email or name, and long runs of one or two characters. `field` names the form control.
 */
export function checkNewPassword(password: string, context: { email: string; name?: string; field: string }) {
  const { field } = context;
  if (password.length < MIN_PASSWORD_LENGTH) throw new DomainError("PASSWORD_TOO_SHORT", { field, params: { min: MIN_PASSWORD_LENGTH } });
  if (password.length > MAX_PASSWORD_LENGTH) throw new DomainError("VALIDATION_FAILED", { field });
  const lower = password.toLowerCase();
  const email = context.email.trim().toLowerCase();
  const local = email.split("@")[0] ?? "";
  const name = (context.name ?? "").trim().toLowerCase();
  const personal = [email, local.length >= 4 ? local : "", name.length >= 4 ? name : ""].filter(Boolean);
  if (personal.some((part) => lower.includes(part))) throw new DomainError("PASSWORD_TOO_WEAK", { field });
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS) throw new DomainError("PASSWORD_TOO_WEAK", { field });
}
