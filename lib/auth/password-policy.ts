import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "@/lib/errors";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's scale: 3 is "safely unguessable" (about 10^10 guesses), what an online service needs. */
const MIN_STRENGTH_SCORE = 3;

// Building the matcher loads the dictionaries (~30 ms): once per process, on first use.
let estimator: ZxcvbnFactory | undefined;

/**
 * The rules a password chosen by a person must meet. Length is what matters most (NIST
 * SP 800-63B); zxcvbn then refuses what attackers try first: common passwords, keyboard walks,
 * repeats, dates, and the account's own email and name.
 */
export function checkNewPassword(password: string, context: { email: string; name?: string; field: string }) {
  const { field } = context;
  if (password.length < MIN_PASSWORD_LENGTH) throw new DomainError("PASSWORD_TOO_SHORT", { field, params: { min: MIN_PASSWORD_LENGTH } });
  if (password.length > MAX_PASSWORD_LENGTH) throw new DomainError("VALIDATION_FAILED", { field });
  const lower = password.toLowerCase();
  const email = context.email.trim().toLowerCase();
  const local = email.split("@")[0] ?? "";
  const name = (context.name ?? "").trim().toLowerCase();
  const personal = [email, local, name.replace(/\s+/g, ""), ...name.split(/\s+/)].filter((part) => part.length >= 4);
  // zxcvbn also knows these, but only as dictionary words; containing them is refused outright.
  if (personal.some((part) => lower.includes(part))) throw new DomainError("PASSWORD_TOO_WEAK", { field });
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const userInputs = [email, local, ...name.split(/\s+/)].filter((input) => input.length >= 3);
  if (estimator.check(password, userInputs).score < MIN_STRENGTH_SCORE) throw new DomainError("PASSWORD_TOO_WEAK", { field });
}
