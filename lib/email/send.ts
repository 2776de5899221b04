/**
 * Send e-mail (SPEC §2.6) to a record's address. Nothing leaves Rolecall: the message is stored
 * in the outbox. Needs the SEND_EMAIL action, a record the principal can see, and an e-mail
 * field the principal can see (an address it cannot read cannot be written to either).
 */
import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { DomainError } from "@/lib/errors";
import { canAction } from "@/lib/permissions";
import { findRecordObject, getRecord } from "@/lib/records";
import { deliverEmail, type SentEmail } from "./deliver";
import { emailInvalid, sendEmailForbidden } from "./errors";

export type { SentEmail };

export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 10_000;

export const emailMessageSchema = z.object({
  subject: z.string().trim().min(1).max(SUBJECT_MAX_LENGTH),
  body: z.string().trim().min(1).max(BODY_MAX_LENGTH),
});

export interface RecordEmail {
  readonly object: string;
  readonly id: string;
  readonly subject: string;
  readonly body: string;
}

/** The use case, in the caller's transaction. */
export async function sendRecordEmail(tx: Tx, principal: Principal, input: RecordEmail): Promise<SentEmail> {
  if (!canAction(principal.permissions, "SEND_EMAIL")) throw sendEmailForbidden();
  const message = emailMessageSchema.safeParse({ subject: input.subject, body: input.body });
  if (!message.success) {
    const field = String(message.error.issues[0].path[0] ?? "body");
    throw emailInvalid(field, field === "subject" ? "SUBJECT_INVALID" : "BODY_INVALID", { max: field === "subject" ? SUBJECT_MAX_LENGTH : BODY_MAX_LENGTH });
  }

  // lib/records decides whether the object and the record can be seen, and masks hidden fields.
  const record = await getRecord(tx, principal, input.object, input.id);
  const object = await findRecordObject(tx, principal.workspaceId, input.object);
  if (!object) throw new DomainError("NOT_FOUND");
  if (record.deletedAt) throw new DomainError("RECORD_IN_TRASH", { params: { object: object.namePlural, id: input.id } });

  const emailFields = object.fields.filter((field) => field.type === "EMAIL");
  if (emailFields.length === 0) throw emailInvalid(undefined, "NO_EMAIL_FIELD", { object: object.namePlural });
  const visible = emailFields.filter((field) => Object.prototype.hasOwnProperty.call(record, field.name));
  if (visible.length === 0) {
    throw new DomainError("FORBIDDEN", { field: emailFields[0].name, params: { object: object.namePlural, field: emailFields[0].name, reason: "FIELD_NOT_VISIBLE" } });
  }
  const to = visible.map((field) => record[field.name]).find((value): value is string => typeof value === "string" && value !== "");
  if (!to) throw emailInvalid(visible[0].name, "NO_ADDRESS");

  const label = object.fields.find((field) => field.isLabel);
  const recordLabel = label && typeof record[label.name] === "string" ? String(record[label.name]) : input.id;
  return deliverEmail(tx, principal, { to, subject: message.data.subject, body: message.data.body }, { object: object.nameSingular, recordId: input.id, recordLabel });
}
