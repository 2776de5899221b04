import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

// Verifying against a throwaway hash when the email is unknown keeps response times equal,
// so sign-in does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

export async function authenticate(db: Tx, email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !valid) throw new DomainError("INVALID_CREDENTIALS");
  return user;
}
