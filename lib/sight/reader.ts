/**
 * Who reads: the principal an outbound channel answers (a member in the browser, a key over
 * REST, an agent through its tools, the invoker of a workflow). Its permissions decide what of a
 * record it may see; its member id is its `Me` in record-level rules.
 */
import type { Principal } from "@/lib/access/principal";
import type { RecordPrincipal } from "@/lib/permissions";

export type Reader = Pick<Principal, "kind" | "id" | "workspaceId" | "permissions">;

/** A key or agent has no member behind it: a rule about Me reaches nothing for it. */
export function recordPrincipalOf(reader: Pick<Reader, "kind" | "id">): RecordPrincipal {
  return { memberId: reader.kind === "member" ? reader.id : null };
}

/**
 * May the reader learn how many records of `object` something touched (an export's count, a
 * workflow's stale deals)? Only when they reach every record of it: a count over records they
 * cannot reach says something about those records.
 */
export function readsEveryRecordOf(reader: Pick<Reader, "permissions">, object: string): boolean {
  const view = reader.permissions.objects[object];
  return view !== undefined && view.see.value && (view.records?.rule.mode ?? "all") === "all";
}
