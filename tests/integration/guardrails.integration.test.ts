/**
 * Guardrails (SPEC §14) on a real database: "Intern must never See field Address on People" refuses
 * every door that would break it (save, restore, import) with the catalog sentence and changes
 * nothing; a save that keeps it passes; REST reports every guardrail with the engine's verdict.
 */
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { fullTableSnapshot, expectRefusedWithoutChange } from "./refusal";
import { createGuardrailAction, deleteGuardrailAction } from "@/app/settings/roles/guardrails/actions";
import { deleteRoleAction, importRoleAction, restoreRoleVersionAction, updateRoleAction } from "@/app/settings/roles/actions";
import { handleGuardrailsCheck } from "@/lib/api/guardrail-handlers";
import { createRateLimiter } from "@/lib/api/rate-limit";
import type { ApiDeps } from "@/lib/api/context";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { guardrailsCheckSchema } from "@/lib/api/response-schemas";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { listRoleVersions } from "@/lib/roles/history";
import { listGuardrails } from "@/lib/roles/guardrails";
import { toRoleFile } from "@/lib/roles/role-file";
import type { RoleDraft } from "@/lib/roles/draft";
import { createApiKey, createMember, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
const te = createTranslator({ locale: "en", messages: en, namespace: "errors" });
const STATEMENT = "Intern must never See field Address on People";
let workspaceId: string;
let roleId: (name: string) => string;
let index: ObjectIndex;

const snapshot = () => fullTableSnapshot(db);
const seeAddress = (draft: RoleDraft): RoleDraft => ({
  ...draft,
  fieldRules: draft.fieldRules.map((rule) => (rule.object === "person" && rule.field === "address" ? { ...rule, canSee: true, canEdit: false } : rule)),
});

async function rest(key?: string) {
  const response = await handleGuardrailsCheck(deps, new Request("http://localhost/api/rest/guardrails/check", { headers: key ? { authorization: `Bearer ${key}` } : {} }), {});
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  ({ workspace: { id: workspaceId }, roleId } = await loadDemo(db));
  const objects = await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } });
  index = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
  await actAs(db, "admin@acme.dev");
  const created = await createGuardrailAction({ roleId: roleId("Intern"), mode: "never", action: "see", object: "person", field: "address" });
  expect(created.ok).toBe(true);
});

describe("guardrails", () => {
  it("are listed with their status and their English statement", async () => {
    const [guardrail] = await listGuardrails(db, workspaceId);
    expect(guardrail).toMatchObject({ statement: STATEMENT, roleName: "Intern", holds: true, reason: expect.stringMatching(/Field rule on person\.address/) });
    expect(await db.auditLog.count({ where: { action: "guardrail.created", targetLabel: STATEMENT } })).toBe(1);
  });

  it("refuse an admin save that grants it, with the exact sentence, and change nothing", async () => {
    await actAs(db, "admin@acme.dev");
    const intern = await loadRoleForEditor(db, workspaceId, roleId("Intern"));
    const before = await snapshot();
    const result = await updateRoleAction({ roleId: intern.id, version: intern.version, draft: seeAddress(intern.draft) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].code).toBe("GUARDRAIL_BROKEN");
    expect(te("GUARDRAIL_BROKEN", result.errors[0].params)).toBe(`This change breaks the guardrail: ${STATEMENT}`);
    expect(await snapshot()).toBe(before);
  });

  it("let a save that keeps it pass", async () => {
    await actAs(db, "admin@acme.dev");
    const intern = await loadRoleForEditor(db, workspaceId, roleId("Intern"));
    const result = await updateRoleAction({ roleId: intern.id, version: intern.version, draft: { ...intern.draft, description: "Still blind to addresses" } });
    expect(result).toEqual({ ok: true, data: { version: intern.version + 1 } });
  });

  it("refuse a restore that would break it, and change nothing", async () => {
    await actAs(db, "admin@acme.dev");
    // A version in which the Intern saw Address: saved before the guardrail existed, on a role of its own.
    const role = await createRole(db, workspaceId, index, { name: "Restorable intern", canSeeAllObjects: true });
    const editor = await loadRoleForEditor(db, workspaceId, role.id);
    const withAddressRule: RoleDraft = { ...editor.draft, objectRules: [], fieldRules: [{ object: "person", field: "address", canSee: false, canEdit: false }] };
    expect((await updateRoleAction({ roleId: role.id, version: editor.version, draft: withAddressRule })).ok).toBe(true);
    expect((await createGuardrailAction({ roleId: role.id, mode: "never", action: "see", object: "person", field: "address" })).ok).toBe(true);
    const baseline = (await listRoleVersions(db, workspaceId, role.id)).find((version) => version.change === "baseline")!;
    const current = await loadRoleForEditor(db, workspaceId, role.id);
    await expectRefusedWithoutChange(snapshot, () => restoreRoleVersionAction({ roleId: role.id, versionId: baseline.id, version: current.version }), "GUARDRAIL_BROKEN");
  });

  it("travel in a role file and are re-created on import; an import that breaks its own guardrails is refused", async () => {
    await actAs(db, "admin@acme.dev");
    const intern = await loadRoleForEditor(db, workspaceId, roleId("Intern"));
    const rails = [{ mode: "never" as const, action: "see", object: "person", field: "address" }];
    const broken = toRoleFile(seeAddress({ ...intern.draft, name: "Imported intern" }), rails);
    const refused = await importRoleAction({ text: JSON.stringify(broken) });
    expect(refused).toMatchObject({ ok: false, errors: [{ code: "GUARDRAIL_BROKEN", params: expect.objectContaining({ role: "Imported intern", mode: "never", field: "Address" }) }] });
    await expectRefusedWithoutChange(snapshot, () => importRoleAction({ text: JSON.stringify(broken) }), "GUARDRAIL_BROKEN");
    await expectRefusedWithoutChange(
      snapshot,
      () => importRoleAction({ text: JSON.stringify(toRoleFile({ ...intern.draft, name: "Typo intern" }, [{ mode: "never", action: "see", object: "person", field: "adress" }])) }),
      "UNKNOWN_FIELD",
    );

    const imported = await importRoleAction({ text: JSON.stringify(toRoleFile({ ...intern.draft, name: "Imported intern" }, rails)) });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const statuses = (await listGuardrails(db, workspaceId)).filter((guardrail) => guardrail.roleId === imported.data.id);
    expect(statuses.map((guardrail) => [guardrail.statement, guardrail.holds])).toEqual([["Imported intern must never See field Address on People", true]]);
  });

  it("refuse malformed or duplicate statements and guardrails about Admin", async () => {
    await actAs(db, "admin@acme.dev");
    const add = (input: object) => createGuardrailAction({ roleId: roleId("Intern"), ...input });
    await expectRefusedWithoutChange(snapshot, () => add({ mode: "never", action: "see", object: "person", field: "address" }), "DUPLICATE_RULE");
    await expectRefusedWithoutChange(snapshot, () => add({ mode: "never", action: "fly", object: "person" }), "UNKNOWN_ACTION");
    await expectRefusedWithoutChange(snapshot, () => add({ mode: "never", action: "destroy", object: "person", field: "email" }), "VALIDATION_FAILED");
    await expectRefusedWithoutChange(snapshot, () => createGuardrailAction({ roleId: roleId("Admin"), mode: "never", action: "EXPORT_CSV" }), "ADMIN_NOT_EDITABLE");
  });

  it("only Admins delete guardrails; a non-Admin with Roles may add one within their authority", async () => {
    const manager = await createRole(db, workspaceId, index, { name: "Guardrail manager", canSeeAllObjects: true, settings: ["ROLES"] });
    await createMember(db, { workspaceId, email: "rails@acme.dev", name: "Rae Rails", roleId: manager.id });
    await actAs(db, "rails@acme.dev");
    const added = await createGuardrailAction({ roleId: roleId("Guest"), mode: "never", action: "EXPORT_CSV" });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    await expectRefusedWithoutChange(snapshot, () => deleteGuardrailAction({ guardrailId: added.data.id }), "ADMIN_ONLY");
    // Member grants more than the manager holds (edit): constraining it is an Admin's call.
    await expectRefusedWithoutChange(snapshot, () => createGuardrailAction({ roleId: roleId("Member"), mode: "always", action: "SEND_EMAIL" }), "EXCEEDS_AUTHORITY");
    await actAs(db, "mia@acme.dev");
    await expectRefusedWithoutChange(snapshot, () => createGuardrailAction({ roleId: roleId("Guest"), mode: "never", action: "IMPORT_CSV" }), "FORBIDDEN");
    await actAs(db, "admin@acme.dev");
    expect(await deleteGuardrailAction({ guardrailId: added.data.id })).toEqual({ ok: true, data: undefined });
    expect(await db.auditLog.count({ where: { action: "guardrail.deleted", targetLabel: "Guest must never Export CSV" } })).toBe(1);
  });

  it("go with their role when it is deleted", async () => {
    await actAs(db, "admin@acme.dev");
    const role = await createRole(db, workspaceId, index, { name: "Short-lived", canSeeAllObjects: true });
    expect((await createGuardrailAction({ roleId: role.id, mode: "never", action: "SEND_EMAIL" })).ok).toBe(true);
    const deleted = await deleteRoleAction({ roleId: role.id });
    expect(deleted).toMatchObject({ ok: true, data: { droppedGuardrails: 1 } });
    expect(await db.guardrail.count({ where: { roleId: role.id } })).toBe(0);
  });
});

describe("GET /api/rest/guardrails/check", () => {
  it("reports every guardrail to a key whose role holds Roles", async () => {
    const reader = await createRole(db, workspaceId, index, { name: "Guardrail reader", canSeeAllObjects: true, settings: ["ROLES"] });
    await createApiKey(db, { workspaceId, name: "CI", secret: "guardrail-ci-key", roleId: reader.id });
    const { status, body } = await rest("guardrail-ci-key");
    expect(status).toBe(200);
    const intern = body.data.find((entry: { statement: string }) => entry.statement === STATEMENT);
    expect(intern).toEqual({
      id: expect.any(String),
      statement: STATEMENT,
      role: { id: roleId("Intern"), name: "Intern" },
      member: null,
      mode: "never",
      action: "see",
      object: "person",
      field: "address",
      holds: true,
      reason: expect.stringMatching(/Field rule on person\.address/),
    });
    expect(body.holds).toBe(body.data.every((entry: { holds: boolean }) => entry.holds));
    expect(guardrailsCheckSchema.safeParse(body).success).toBe(true); // the documented shape is the real one
    const paths = buildOpenApiDocument([]).paths as Record<string, unknown>;
    expect(paths["/api/rest/guardrails/check"]).toBeDefined();
  });

  it("answers 403 to a key without Roles and 401 without a key", async () => {
    const forbidden = await rest("demo-intern-key");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toEqual({ code: "FORBIDDEN", message: "Your role needs the ROLES settings permission." });
    expect((await rest()).status).toBe(401);
  });
});
