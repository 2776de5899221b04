/**
 * Permission sets (SPEC §17) through the use cases and every principal's path, on the demo: a set
 * given for a while adds to a member's, a key's and an agent's role until it ends (audited); the
 * union is exact record by record; delegates give and make sets only within their authority.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { agentPrincipal, apiKeyPrincipal, memberPrincipal, type Principal } from "@/lib/access/principal";
import { createRole, updateRole } from "@/lib/roles/save";
import { deleteRole } from "@/lib/roles/delete";
import { assignRole, unassignRole } from "@/lib/roles/assignment";
import { setDefaultRole } from "@/lib/roles/default-role";
import { assignPermissionSet, unassignPermissionSet } from "@/lib/permission-sets/assignment";
import { createGuardrail, createMemberGuardrail, listGuardrails } from "@/lib/roles/guardrails";
import { EMPTY_ROLE_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { getRecord, listRecords, updateRecord } from "@/lib/records";
import { can, explain } from "@/lib/permissions";
import { createApiKey, createMember, createRole as seedRole } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";
import { handleMyPermissions, handlePermissionCheck } from "@/lib/api/me-handlers";
import { createRateLimiter } from "@/lib/api/rate-limit";
import type { ApiDeps } from "@/lib/api/context";
import { myPermissionsSchema, explanationSchema } from "@/lib/api/response-schemas";
import { expectRefusedWithoutChange, fullTableSnapshot } from "./refusal";

const db = useDemoDatabase();
let workspaceId = "";
let roleIds: (name: string) => string;
const HOUR = 3_600_000;

async function member(email: string, now = new Date()): Promise<Principal> {
  const row = await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });
  return (await memberPrincipal(db, row.id, now))!;
}

const NOTHING = { ...EMPTY_ROLE_DRAFT, canSeeAllObjects: false };
/** A set with See on Opportunities and nothing else. */
const seesOpportunities: RoleDraft = { ...NOTHING, name: "See opportunities", objectRules: [{ object: "opportunity", canSee: true, canCreate: null, canEdit: null, canDelete: null, canDestroy: null }] };

async function newSet(actor: Principal, draft: RoleDraft) {
  return db.$transaction((tx) => createRole(tx, actor, draft, "created", [], "set"));
}

beforeAll(async () => {
  const demo = await loadDemo(db);
  workspaceId = demo.workspace.id;
  roleIds = demo.roleId;
});

describe("permission sets", () => {
  it("a set given until an instant adds See on Opportunities to Ian's Intern role, then ends by itself, audited", async () => {
    const admin = await member("admin@acme.dev");
    const set = await newSet(admin, { ...seesOpportunities, name: "Opportunities for Ian" });
    const ian = await member("ian@acme.dev");
    await expect(listRecords(db, ian, "opportunities")).rejects.toMatchObject({ code: "FORBIDDEN" });

    const until = new Date(Date.now() + 2 * HOUR);
    await db.$transaction((tx) => assignPermissionSet(tx, admin, set.id, { kind: "member", id: ian.id }, until));
    const withSet = await member("ian@acme.dev");
    expect((await listRecords(db, withSet, "opportunities")).records.length).toBeGreaterThan(0);
    // Everything else stays the Intern's: People still have no Address, and the set names itself.
    expect(can(withSet.permissions, "see", "person", "address")).toBe(false);
    expect(explain(withSet.permissions, { kind: "object", action: "see", object: "opportunity" })).toMatchObject({ allowed: true, grant: { kind: "set", name: "Opportunities for Ian" } });
    expect(explain(withSet.permissions, { kind: "object", action: "edit", object: "opportunity" }).reason).toMatch(/Role: Intern: .*; Permission set: Opportunities for Ian: /);

    // After its end: gone on the next request, and recorded once.
    const later = new Date(until.getTime() + 1000);
    const after = await member("ian@acme.dev", later);
    await expect(listRecords(db, after, "opportunities")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.permissionSetAssignment.count({ where: { setId: set.id } })).toBe(0);
    const expired = await db.auditLog.findMany({ where: { workspaceId, action: "permissionSet.expired", roleId: set.id } });
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ actorLabel: "Rolecall", targetLabel: "Ian Intern" });
  });

  it("a key and an agent act with their sets too, on every request", async () => {
    const admin = await member("admin@acme.dev");
    const set = await newSet(admin, { ...seesOpportunities, name: "Opportunities for integrations" });
    const key = await db.apiKey.findFirstOrThrow({ where: { workspaceId, name: { contains: "Intern" } } });
    const agent = await db.agent.findFirstOrThrow({ where: { workspaceId } });
    await db.agent.update({ where: { id: agent.id }, data: { roleId: roleIds("Intern") } });
    const byKey = async () => {
      const result = await apiKeyPrincipal(db, "demo-intern-key");
      if (!result.ok) throw new Error(result.reason);
      return result.principal;
    };
    expect(can((await byKey()).permissions, "see", "opportunity")).toBe(false);
    await db.$transaction(async (tx) => {
      await assignPermissionSet(tx, admin, set.id, { kind: "apiKey", id: key.id });
      await assignPermissionSet(tx, admin, set.id, { kind: "agent", id: agent.id });
    });
    expect(can((await byKey()).permissions, "see", "opportunity")).toBe(true);
    expect(can((await agentPrincipal(db, agent.id))!.permissions, "see", "opportunity")).toBe(true);
    await db.$transaction((tx) => unassignPermissionSet(tx, admin, set.id, { kind: "apiKey", id: key.id }));
    expect(can((await byKey()).permissions, "see", "opportunity")).toBe(false);
  });

  it("REST me/permissions lists the key's sets and me/check names the grant that decides (SPEC §17)", async () => {
    const admin = await member("admin@acme.dev");
    const set = await newSet(admin, { ...seesOpportunities, name: "Opportunities for REST" });
    const key = await db.apiKey.findFirstOrThrow({ where: { workspaceId, name: { contains: "Intern" } } });
    const until = new Date(Date.now() + 48 * HOUR);
    await db.$transaction((tx) => assignPermissionSet(tx, admin, set.id, { kind: "apiKey", id: key.id }, until));
    const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
    const get = async (handler: typeof handleMyPermissions, path: string) => {
      const response = await handler(deps, new Request(`http://localhost${path}`, { headers: { authorization: "Bearer demo-intern-key" } }), {} as never);
      return { status: response.status, body: await response.json() };
    };
    const me = await get(handleMyPermissions, "/api/rest/me/permissions");
    expect(me.status).toBe(200);
    expect(myPermissionsSchema.parse(me.body).data.permissionSets).toEqual([{ id: set.id, name: "Opportunities for REST", until: until.toISOString() }]);
    expect(me.body.data.role.name).toBe("Intern");
    const seen = await get(handlePermissionCheck, "/api/rest/me/check?action=see&object=opportunities");
    expect(explanationSchema.parse(seen.body).data).toMatchObject({ allowed: true, grant: { kind: "set", name: "Opportunities for REST" } });
    expect(seen.body.data.reason).toContain("Permission set: Opportunities for REST");
    const edit = await get(handlePermissionCheck, "/api/rest/me/check?action=edit&object=opportunities");
    expect(edit.body.data.allowed).toBe(false);
    expect(edit.body.data.consulted.map((grant: { name: string }) => grant.name)).toEqual(["Intern", "Opportunities for REST"]);
    await db.$transaction((tx) => unassignPermissionSet(tx, admin, set.id, { kind: "apiKey", id: key.id }));
    const after = await get(handleMyPermissions, "/api/rest/me/permissions");
    expect(after.body.data.permissionSets).toEqual([]);
  });

  it("is exact record by record: a set that shows Amount and edits the holder's own deals does neither on others'", async () => {
    const admin = await member("admin@acme.dev");
    // Sam (Sales rep) sees only his own deals; Guest-like reading of all deals without Amount comes from a second set.
    const allDeals = await newSet(admin, {
      ...NOTHING,
      name: "All deals without amounts",
      objectRules: [{ object: "opportunity", canSee: true, canCreate: null, canEdit: null, canDelete: null, canDestroy: null }],
      fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }],
    });
    const sam = await member("sam@acme.dev");
    await db.$transaction((tx) => assignPermissionSet(tx, admin, allDeals.id, { kind: "member", id: sam.id }));
    const both = await member("sam@acme.dev");
    const page = await listRecords(db, both, "opportunities", { limit: 200 });
    const own = page.records.filter((record) => record.ownerId === sam.id);
    const others = page.records.filter((record) => record.ownerId !== sam.id);
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    for (const record of own) expect(record).toHaveProperty("amount");
    for (const record of others) expect(record).not.toHaveProperty("amount");
    // Amount is not matchable: filtering on it would tell the hidden amounts of others' deals.
    await expect(listRecords(db, both, "opportunities", { filter: [{ field: "amount", op: "gt", value: "0" }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Sam edits his own deals (Sales rep), not the others the set only shows.
    await expect(db.$transaction((tx) => updateRecord(tx, both, "opportunities", String(own[0].id), { name: "Renamed by Sam" }))).resolves.toMatchObject({ name: "Renamed by Sam" });
    await expect(db.$transaction((tx) => updateRecord(tx, both, "opportunities", String(others[0].id), { name: "Not his" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getRecord(db, both, "opportunities", String(others[0].id))).name).not.toBe("Not his");
    await db.$transaction((tx) => unassignPermissionSet(tx, admin, allDeals.id, { kind: "member", id: sam.id }));
  });

  it("a delegate neither makes nor gives a set beyond her authority, and gives none to herself", async () => {
    const admin = await member("admin@acme.dev");
    const delegateRole = await seedRole(db, workspaceId, {}, { name: "Set delegate", canSeeAllObjects: true, settings: ["ROLES"] });
    const mia = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "mia@acme.dev" } } });
    await db.workspaceMember.update({ where: { id: mia.id }, data: { roleId: delegateRole.id } });
    const delegate = await member("mia@acme.dev");
    const snapshot = () => fullTableSnapshot(db);
    const refused = async (call: () => Promise<unknown>) => {
      try {
        await call();
        return { ok: true };
      } catch (error) {
        return { ok: false, errors: [{ code: (error as { code: string }).code }] };
      }
    };
    await expectRefusedWithoutChange(snapshot, () => refused(() => newSet(delegate, { ...EMPTY_ROLE_DRAFT, name: "Editors set", canSeeAllObjects: true, canEditAllObjects: true })), "EXCEEDS_AUTHORITY");
    const editors = await newSet(admin, { ...EMPTY_ROLE_DRAFT, name: "Editors", canSeeAllObjects: true, canEditAllObjects: true });
    const gus = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "gus@acme.dev" } } });
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => assignPermissionSet(tx, delegate, editors.id, { kind: "member", id: gus.id }))), "EXCEEDS_AUTHORITY");
    const readers = await newSet(admin, { ...EMPTY_ROLE_DRAFT, name: "Readers set", canSeeAllObjects: true });
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => assignPermissionSet(tx, delegate, readers.id, { kind: "member", id: delegate.id }))), "OWN_ROLE");
    await db.$transaction((tx) => assignPermissionSet(tx, delegate, readers.id, { kind: "member", id: gus.id }, new Date(Date.now() + HOUR)));
    expect(await db.permissionSetAssignment.count({ where: { setId: readers.id } })).toBe(1);
  });

  it("a role's guardrails hold for its holders whatever sets they hold: giving, widening and moving into one are refused (SPEC §17)", async () => {
    const admin = await member("admin@acme.dev");
    const ian = await member("ian@acme.dev");
    const gus = await member("gus@acme.dev");
    await db.$transaction((tx) => createGuardrail(tx, admin, roleIds("Intern"), { mode: "never", action: "see", object: "person", field: "address" }));
    const addresses = await newSet(admin, { ...NOTHING, name: "People with addresses", objectRules: [{ object: "person", canSee: true, canCreate: null, canEdit: null, canDelete: null, canDestroy: null }] });
    const snapshot = () => fullTableSnapshot(db);
    const refused = async (call: () => Promise<unknown>) => {
      try {
        await call();
        return { ok: true as const };
      } catch (error) {
        return { ok: false as const, errors: [{ code: (error as { code: string }).code, field: (error as { field?: string }).field }] };
      }
    };
    // Ian (Intern) would see Address on People through the set: the guardrail says never.
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => assignPermissionSet(tx, admin, addresses.id, { kind: "member", id: ian.id }))), "GUARDRAIL_BROKEN");
    // A set that shows nothing the guardrail forbids is given; widening it later is refused.
    const phones = await newSet(admin, { ...NOTHING, name: "Phones only", objectRules: [{ object: "person", canSee: true, canCreate: null, canEdit: null, canDelete: null, canDestroy: null }], fieldRules: [{ object: "person", field: "address", canSee: false, canEdit: false }] });
    await db.$transaction((tx) => assignPermissionSet(tx, admin, phones.id, { kind: "member", id: ian.id }));
    const version = (await db.role.findUniqueOrThrow({ where: { id: phones.id } })).version;
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => updateRole(tx, admin, phones.id, version, { ...NOTHING, name: "Phones only", objectRules: [{ object: "person", canSee: true, canCreate: null, canEdit: null, canDelete: null, canDestroy: null }] }))), "GUARDRAIL_BROKEN");
    // Gus (Guest) may hold the wider set; moving him into Intern with it is refused.
    await db.$transaction((tx) => assignPermissionSet(tx, admin, addresses.id, { kind: "member", id: gus.id }));
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => assignRole(tx, admin, roleIds("Intern"), { kind: "member", id: gus.id }))), "GUARDRAIL_BROKEN");
    // Without sets that show Address (earlier tests gave Gus others), the move goes through.
    await db.permissionSetAssignment.deleteMany({ where: { principalKind: "member", principalId: gus.id } });
    await db.$transaction((tx) => assignRole(tx, admin, roleIds("Intern"), { kind: "member", id: gus.id }));
    await db.$transaction((tx) => assignRole(tx, admin, roleIds("Guest"), { kind: "member", id: gus.id }));
  });

  it("a guardrail about a member holds on everything she holds: 'Ian Intern must never See records on Opportunities' (SPEC §17)", async () => {
    const admin = await member("admin@acme.dev");
    const ian = await member("ian@acme.dev");
    const created = await db.$transaction((tx) => createMemberGuardrail(tx, admin, ian.id, { mode: "never", action: "see", object: "opportunity", field: null }));
    const listed = (await listGuardrails(db, workspaceId)).find((guardrail) => guardrail.id === created.id)!;
    expect(listed).toMatchObject({ memberId: ian.id, roleId: null, holds: true, statement: "Ian Intern must never See records on Opportunities" });
    const snapshot = () => fullTableSnapshot(db);
    const refused = async (call: () => Promise<unknown>) => {
      try {
        await call();
        return { ok: true as const };
      } catch (error) {
        return { ok: false as const, errors: [{ code: (error as { code: string }).code }] };
      }
    };
    const deals = await newSet(admin, { ...seesOpportunities, name: "Deals for Ian" });
    // Neither a set nor a role that shows Opportunities reaches Ian; others still get them.
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => assignPermissionSet(tx, admin, deals.id, { kind: "member", id: ian.id }))), "GUARDRAIL_BROKEN");
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => assignRole(tx, admin, roleIds("Guest"), { kind: "member", id: ian.id }))), "GUARDRAIL_BROKEN");
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => unassignRole(tx, admin, roleIds("Intern"), { kind: "member", id: ian.id }))), "GUARDRAIL_BROKEN");
    const intern = await db.role.findUniqueOrThrow({ where: { id: roleIds("Intern") } });
    const internDraft = (await import("@/lib/roles/store")).roleToDraft(await (await import("@/lib/roles/store")).loadRoleRow(db, workspaceId, intern.id) as never);
    await expectRefusedWithoutChange(snapshot, () => refused(() => db.$transaction((tx) => updateRole(tx, admin, intern.id, intern.version, { ...internDraft, objectRules: internDraft.objectRules.filter((rule) => rule.object !== "opportunity") }))), "GUARDRAIL_BROKEN");
    // Admins are not the subject of a guardrail; a delegate needs the member's role within her authority.
    const ada = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "ada@acme.dev" } } });
    await expect(db.$transaction((tx) => createMemberGuardrail(tx, admin, ada.id, { mode: "never", action: "EXPORT_CSV", object: null, field: null }))).rejects.toMatchObject({ code: "ADMIN_NOT_EDITABLE" });
    await db.guardrail.delete({ where: { id: created.id } });
    await db.$transaction((tx) => assignPermissionSet(tx, admin, deals.id, { kind: "member", id: ian.id }));
    await db.$transaction((tx) => unassignPermissionSet(tx, admin, deals.id, { kind: "member", id: ian.id }));
  });

  it("a set is never held as a role, nor the default role; deleting it takes it from every holder", async () => {
    const admin = await member("admin@acme.dev");
    const set = await newSet(admin, { ...NOTHING, name: "Temporary export", actions: ["EXPORT_CSV"] });
    const noah = await createMember(db, { workspaceId, roleId: roleIds("Guest"), email: "guest-for-sets@acme.dev", name: "Guest for sets", passwordHash: "x" });
    await expect(db.$transaction((tx) => assignRole(tx, admin, set.id, { kind: "member", id: noah.id }))).rejects.toMatchObject({ code: "ROLE_NOT_ASSIGNABLE" });
    await expect(db.$transaction((tx) => setDefaultRole(tx, admin, set.id))).rejects.toMatchObject({ code: "ROLE_NOT_ASSIGNABLE" });
    await db.$transaction((tx) => assignPermissionSet(tx, admin, set.id, { kind: "member", id: noah.id }));
    expect((await member("guest-for-sets@acme.dev")).permissions.actions.EXPORT_CSV).toMatchObject({ value: true, grant: { name: "Temporary export" } });
    // A save bumps the set's version: the holder's cached permissions follow on the next request.
    const stored = await db.role.findUniqueOrThrow({ where: { id: set.id } });
    await db.$transaction((tx) => updateRole(tx, admin, set.id, stored.version, { ...NOTHING, name: "Temporary export", actions: [] }));
    expect((await member("guest-for-sets@acme.dev")).permissions.actions.EXPORT_CSV.value).toBe(false);
    await db.$transaction((tx) => deleteRole(tx, admin, set.id));
    expect(await db.permissionSetAssignment.count({ where: { setId: set.id } })).toBe(0);
    expect((await member("guest-for-sets@acme.dev")).permissions.grants).toBeUndefined();
  });

  it("the REST key lookup stays one statement for keys without sets", async () => {
    const secret = `rc_no_sets_${Date.now()}`;
    await createApiKey(db, { workspaceId, name: "No sets", secret, roleId: roleIds("Guest") });
    const result = await apiKeyPrincipal(db, secret);
    expect(result.ok && result.principal.permissions.grants).toBeFalsy();
  });
});
