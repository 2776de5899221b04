/**
 * docs/reference.md §19, sharing one record: Sam shares one of his opportunities with Yuki `Can view`; Yuki
 * reads it (get, list, count, REST), cannot edit or delete it, and loses it at her next request
 * once Sam removes the share. Sharing beyond one's own permission is refused and changes nothing;
 * a share to a team reaches its lead and members; field rules still apply.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo, useDemoDatabase } from "./db";
import { recordsSnapshot } from "./refusal";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { getRecord, listRecords, softDeleteRecord, standardRecordObjects, updateRecord } from "@/lib/records";
import { listRecordShares, shareRecord, unshareRecord } from "@/lib/records/shares";
import { recordReachPaths } from "@/lib/records/record-paths";
import { isDomainError } from "@/lib/errors";
import { createApiKey, createRole, type ObjectIndex } from "@/prisma/factories";
import type { ApiDeps } from "@/lib/api/context";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { apiFetch } from "@/lib/api/router";
import { openApiDocument } from "@/lib/api/routes";
import { explanationSchema } from "@/lib/api/response-schemas";

const db = useDemoDatabase();
const ids = new Map<string, string>();
let samsDeal = "";
let othersDeal = "";

const principal = async (email: string): Promise<Principal> => (await memberPrincipal(db, ids.get(email)!))!;

async function refusal(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, reason: error.details.params?.reason };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  const { workspace } = await loadDemo(db);
  for (const member of await db.workspaceMember.findMany({ where: { workspaceId: workspace.id }, include: { user: true } })) ids.set(member.user.email, member.id);
  const sam = await principal("sam@acme.dev");
  samsDeal = String((await listRecords(db, sam, "opportunities", { limit: 1 })).records[0].id);
  const object = await db.objectMetadata.findFirstOrThrow({ where: { workspaceId: workspace.id, nameSingular: "opportunity" } });
  const rows = await db.record.findMany({ where: { objectMetadataId: object.id } });
  othersDeal = rows.find((row) => JSON.parse(row.data).ownerId === ids.get("mia@acme.dev"))!.id;
});

describe("Can view", () => {
  it("Yuki reads Sam's shared deal, cannot change it, and loses it when Sam removes the share", async () => {
    const yukiBefore = await principal("yuki@acme.dev");
    expect(await refusal(() => getRecord(db, yukiBefore, "opportunities", samsDeal))).toMatchObject({ code: "NOT_FOUND" });
    const before = (await listRecords(db, yukiBefore, "opportunities", { limit: 200 })).records.length;

    const sam = await principal("sam@acme.dev");
    const share = await db.$transaction((tx) => shareRecord(tx, sam, "opportunities", samsDeal, { targetKind: "member", targetId: ids.get("yuki@acme.dev")!, access: "view" }));
    expect(share).toMatchObject({ targetName: "Yuki Tanaka", access: "view", sharedBy: "Sam Seller" });
    expect((await listRecordShares(db, sam, "opportunities", samsDeal)).map((row) => row.targetName)).toEqual(["Yuki Tanaka"]);

    const yuki = await principal("yuki@acme.dev");
    expect((await getRecord(db, yuki, "opportunities", samsDeal)).id).toBe(samsDeal);
    // Explain (docs/reference.md §19): the path by which each reaches the deal.
    expect((await recordReachPaths(db, yuki, "opportunities", samsDeal)).map((path) => path.text)).toEqual(["Shared by Sam Seller"]);
    expect(await recordReachPaths(db, yuki, "opportunities", samsDeal, "edit")).toEqual([]);
    expect((await recordReachPaths(db, await principal("lena@acme.dev"), "opportunities", samsDeal)).map((path) => path.text)).toEqual(["Owner reports to you"]);
    expect((await recordReachPaths(db, sam, "opportunities", samsDeal)).map((path) => path.text)).toEqual(["Owner is you"]);
    const list = (await listRecords(db, yuki, "opportunities", { limit: 200 })).records;
    expect(list.length).toBe(before + 1);
    expect(list.map((record) => record.id)).toContain(samsDeal);

    const snapshot = await recordsSnapshot(db);
    expect(await refusal(() => db.$transaction((tx) => updateRecord(tx, yuki, "opportunities", samsDeal, { name: "Mine now" })))).toMatchObject({ code: "FORBIDDEN", reason: "RECORD_RULE" });
    expect(await refusal(() => db.$transaction((tx) => softDeleteRecord(tx, yuki, "opportunities", samsDeal)))).toMatchObject({ code: "FORBIDDEN" });
    // Yuki may pass on what she can do (view), never more.
    expect(await refusal(() => db.$transaction((tx) => shareRecord(tx, yuki, "opportunities", samsDeal, { targetKind: "member", targetId: ids.get("mia@acme.dev")!, access: "edit" })))).toMatchObject({
      code: "SHARE_EXCEEDS",
    });
    expect(await recordsSnapshot(db)).toBe(snapshot);

    await db.$transaction((tx) => unshareRecord(tx, sam, "opportunities", samsDeal, share.id));
    const yukiAfter = await principal("yuki@acme.dev");
    expect(await refusal(() => getRecord(db, yukiAfter, "opportunities", samsDeal))).toMatchObject({ code: "NOT_FOUND" });
    expect((await listRecords(db, yukiAfter, "opportunities", { limit: 200 })).records.length).toBe(before);
    const audit = await db.auditLog.findMany({ where: { targetId: samsDeal, action: { in: ["record.shared", "record.unshared"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["record.shared", "record.unshared"]);
  });
});

describe("refusals", () => {
  it("nobody shares a record they do not reach, nor an object whose rule does not allow sharing", async () => {
    const sam = await principal("sam@acme.dev");
    const snapshot = await recordsSnapshot(db);
    expect(await refusal(() => db.$transaction((tx) => shareRecord(tx, sam, "opportunities", othersDeal, { targetKind: "member", targetId: ids.get("yuki@acme.dev")!, access: "view" })))).toMatchObject({ code: "NOT_FOUND" });
    const company = (await listRecords(db, sam, "companies", { limit: 1 })).records[0];
    expect(await refusal(() => db.$transaction((tx) => shareRecord(tx, sam, "companies", String(company.id), { targetKind: "member", targetId: ids.get("yuki@acme.dev")!, access: "view" })))).toMatchObject({
      code: "SHARING_NOT_ALLOWED",
    });
    // Mia (Member) edits every deal but her role does not allow sharing.
    const mia = await principal("mia@acme.dev");
    expect(await refusal(() => db.$transaction((tx) => shareRecord(tx, mia, "opportunities", othersDeal, { targetKind: "member", targetId: ids.get("yuki@acme.dev")!, access: "view" })))).toMatchObject({
      code: "SHARING_NOT_ALLOWED",
    });
    expect(await recordsSnapshot(db)).toBe(snapshot);
  });
});

describe("Can edit, teams and fields", () => {
  it("a share to a team reaches its lead and members; Can edit lets them write what their role may; hidden fields stay hidden", async () => {
    const { workspace } = await loadDemo(db);
    // A rep who may not see Amount: the share must not show it.
    const role = await createRole(db, workspace.id, {} as ObjectIndex, {
      name: "Rep without amounts",
      objectRules: [{ object: "opportunity", canSee: true, canEdit: true, recordRule: { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] } }],
      fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }],
    });
    await db.workspaceMember.update({ where: { id: ids.get("yuki@acme.dev")! }, data: { roleId: role.id } });
    const east = await db.team.findFirstOrThrow({ where: { workspaceId: workspace.id, name: "East" } });
    const sam = await principal("sam@acme.dev");
    const share = await db.$transaction((tx) => shareRecord(tx, sam, "opportunities", samsDeal, { targetKind: "team", targetId: east.id, access: "edit" }));
    const yuki = await principal("yuki@acme.dev");
    const seen = await getRecord(db, yuki, "opportunities", samsDeal);
    expect(seen).not.toHaveProperty("amount");
    expect((await recordReachPaths(db, yuki, "opportunities", samsDeal, "edit")).map((path) => path.text)).toEqual(["Shared by Sam Seller with your team East"]);
    const updated = await db.$transaction((tx) => updateRecord(tx, yuki, "opportunities", samsDeal, { name: "Renamed by East" }));
    expect(updated.name).toBe("Renamed by East");
    expect(await refusal(() => db.$transaction((tx) => updateRecord(tx, yuki, "opportunities", samsDeal, { amount: 1 })))).toMatchObject({ code: "FORBIDDEN" });
    await db.$transaction((tx) => unshareRecord(tx, sam, "opportunities", samsDeal, share.id));
    expect(await refusal(async () => getRecord(db, await principal("yuki@acme.dev"), "opportunities", samsDeal))).toMatchObject({ code: "NOT_FOUND" });
    await db.workspaceMember.update({ where: { id: ids.get("yuki@acme.dev")! }, data: { roleId: (await loadDemo(db)).roleId("Sales rep") } });
  });
});

describe("REST /api/rest/<object>/<id>/shares", () => {
  it("lists, creates and deletes shares with a key whose role allows sharing; refuses one whose role does not", async () => {
    const { workspace } = await loadDemo(db);
    const role = await createRole(db, workspace.id, {} as ObjectIndex, { name: "Sharing key", objectRules: [{ object: "opportunity", canSee: true, canEdit: true, allowSharing: true }] });
    await createApiKey(db, { workspaceId: workspace.id, name: "Sharer", secret: "sharing-test-key", roleId: role.id });
    const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
    const fetchApi = apiFetch(deps);
    const call = async (method: string, key: string, path: string, body?: unknown) => {
      const request = new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const response = await fetchApi(request);
      return { status: response.status, body: await response.json() };
    };
    const base = `/api/rest/opportunities/${othersDeal}/shares`;
    expect(await call("GET", "sharing-test-key", base)).toEqual({ status: 200, body: { data: [] } });
    const created = await call("POST", "sharing-test-key", base, { targetKind: "member", targetId: ids.get("yuki@acme.dev"), access: "edit" });
    expect(created).toMatchObject({ status: 201, body: { data: { targetName: "Yuki Tanaka", access: "edit", sharedBy: null } } });
    expect((await getRecord(db, await principal("yuki@acme.dev"), "opportunities", othersDeal)).id).toBe(othersDeal);
    expect((await call("POST", "sharing-test-key", base, { targetKind: "member", targetId: "nobody", access: "view" })).status).toBe(404);
    expect((await call("POST", "sharing-test-key", base, { targetKind: "robot", targetId: "x", access: "view" })).status).toBe(422);
    expect((await call("POST", "demo-support-key", base, { targetKind: "member", targetId: ids.get("yuki@acme.dev"), access: "view" }))).toMatchObject({ status: 403, body: { error: { code: "SHARING_NOT_ALLOWED" } } });
    const removed = await call("DELETE", "sharing-test-key", `${base}?shareId=${created.body.data.id}`);
    expect(removed).toEqual({ status: 200, body: { data: { id: created.body.data.id } } });
    expect(await refusal(async () => getRecord(db, await principal("yuki@acme.dev"), "opportunities", othersDeal))).toMatchObject({ code: "NOT_FOUND" });
    const check = await fetchApi(new Request(`http://localhost/api/rest/me/check?action=edit&object=opportunities&recordId=${othersDeal}`, { headers: { authorization: "Bearer sharing-test-key" } }));
    const checked = explanationSchema.parse(await check.json());
    expect(checked.data).toMatchObject({ allowed: true, record: { id: othersDeal, reached: true, paths: [{ kind: "all" }] } });
    const hidden = await fetchApi(new Request(`http://localhost/api/rest/me/check?action=see&object=opportunities&recordId=${othersDeal}`, { headers: { authorization: "Bearer demo-intern-key" } }));
    expect(hidden.status).toBe(403);
    const document = openApiDocument(standardRecordObjects()) as { paths: Record<string, object> };
    expect(Object.keys(document.paths)).toContain("/api/rest/opportunities/{id}/shares");
  });
});
