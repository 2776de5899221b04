/**
 * Issue 9: one role model. A role written through the store with every switch set reads back
 * unchanged through every shape it is shown in: the editor's draft, the exported role file, the
 * engine's effective permissions and REST `GET /api/rest/me/permissions`. The switches are
 * taken from the model's tables, so a switch added there is covered here without a new line.
 */
import { readablePermissions } from "@/lib/permissions";
import { describe, expect, it } from "vitest";
import type { ApiDeps } from "@/lib/api/context";
import { handleMyPermissions } from "@/lib/api/me-handlers";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import {
  ACTION_PERMISSIONS,
  BASELINE_SWITCHES,
  OBJECT_ACTIONS,
  PRINCIPAL_KINDS,
  ROLE_SWITCH_KEYS,
  RULE_SWITCHES,
  SETTINGS_PERMISSIONS,
  canAssignRole,
  draftToDefinition,
  resolvePermissions,
  type RoleDraft,
  type RoleSwitchKey,
} from "@/lib/permissions";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { roleFile, toRoleFile } from "@/lib/roles/role-file";
import { loadRoleDefinition, writeRoleDefinition } from "@/lib/roles/store";
import { createApiKey } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };

/** Every boolean switch, alternating on and off (or the inverse), so that a swap or a loss shows. */
function switches(invert: boolean): Record<RoleSwitchKey, boolean> {
  return Object.fromEntries(ROLE_SWITCH_KEYS.map((name, index) => [name, (index % 2 === 0) !== invert])) as Record<RoleSwitchKey, boolean>;
}

/** One object rule overriding every action, alternating; the other object gets the inverse. */
function ruleSwitches(invert: boolean) {
  return Object.fromEntries(OBJECT_ACTIONS.map((action, index) => [RULE_SWITCHES[action], (index % 2 === 0) !== invert])) as Record<(typeof RULE_SWITCHES)[keyof typeof RULE_SWITCHES], boolean>;
}

function fullRole(name: string, invert: boolean): RoleDraft {
  return {
    name,
    description: `Every switch set (${invert ? "inverse" : "alternating"})`,
    icon: "briefcase",
    ...switches(invert),
    settings: SETTINGS_PERMISSIONS.filter((_, index) => index % 2 === 0),
    actions: ACTION_PERMISSIONS.filter((_, index) => index % 2 === 1),
    objectRules: [
      { object: "company", ...ruleSwitches(!invert) },
      {
        object: "opportunity",
        ...ruleSwitches(invert),
        recordRule: { mode: "match", join: "any", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }, { field: "amount", operator: "gt", value: 1000 }] },
      },
    ],
    fieldRules: [
      { object: "opportunity", field: "amount", canSee: true, canEdit: false },
      { object: "opportunity", field: "stage", canSee: true, canEdit: true },
      { object: "person", field: "address", canSee: false, canEdit: false },
      { object: "person", field: "email", canSee: null, canEdit: false },
    ],
  };
}

/** What storage keeps: all-access switches make the listed keys redundant (stored as none). */
function canonical(draft: RoleDraft): RoleDraft {
  return { ...draft, settings: draft.settingsAllAccess ? [] : draft.settings, actions: draft.actionsAllAccess ? [] : draft.actions };
}

describe("one role model: written once, read back through every shape", () => {
  it.each([false, true])("every switch survives the store, the editor, the role file, the engine and REST (inverse: %s)", async (invert) => {
    const { workspace } = await loadDemo(db);
    const draft = fullRole(`Everything ${invert ? "B" : "A"}`, invert);
    const written = await writeRoleDefinition(db, workspace.id, draft);
    const expected = canonical(draft);

    // The store, and the editor's draft.
    const stored = await loadRoleDefinition(db, workspace.id, written.id);
    expect(stored).toEqual({ id: written.id, version: 1, isAdmin: false, ...expected });
    const editor = await loadRoleForEditor(db, workspace.id, written.id);
    expect(editor.draft).toEqual(expected);
    for (const name of ROLE_SWITCH_KEYS) expect([name, editor.draft[name]]).toEqual([name, draft[name]]);

    // The exported role file: same keys and values, and it imports back to the same draft.
    const file = JSON.parse(JSON.stringify(toRoleFile(editor.draft)));
    expect(file.role).toEqual(expected);
    expect(roleFile.parse(file).role).toEqual(expected);

    // Assignability, as the engine judges it from the stored row.
    const row = await db.role.findUniqueOrThrow({ where: { id: written.id } });
    for (const kind of PRINCIPAL_KINDS) expect(canAssignRole(row, kind)).toBe(canAssignRole(draftToDefinition(draft), kind));

    // Effective permissions: each switch where it shows.
    const schema = await loadWorkspaceSchema(db, workspace.id);
    const effective = resolvePermissions(draftToDefinition(stored, stored.isAdmin), schema);
    expect(JSON.parse(JSON.stringify(effective))).toEqual(JSON.parse(JSON.stringify(resolvePermissions(draftToDefinition(draft), schema))));
    const see = (object: string) => effective.objects[object].see.value;
    for (const action of OBJECT_ACTIONS) {
      // `note` has no rule: the baseline shows (clamped to false without See).
      const baseline = draft[BASELINE_SWITCHES[action]];
      expect(effective.objects.note[action]).toEqual({ value: baseline && (action === "see" || see("note")), source: action !== "see" && baseline && !see("note") ? "fixed" : "baseline" });
      for (const object of ["company", "opportunity"] as const) {
        const rule = draft.objectRules.find((candidate) => candidate.object === object)!;
        const value = rule[RULE_SWITCHES[action]] as boolean;
        expect(effective.objects[object][action]).toEqual(value && (action === "see" || see(object)) ? { value: true, source: "objectRule" } : { value: false, source: value ? "fixed" : "objectRule" });
      }
    }
    expect(effective.objects.opportunity.records).toEqual({ rule: draft.objectRules[1].recordRule, source: "objectRule" });
    expect(effective.objects.company.records.source).toBe("baseline");
    for (const key of SETTINGS_PERMISSIONS) expect(effective.settings[key].value).toBe(draft.settingsAllAccess || draft.settings.includes(key));
    for (const key of ACTION_PERMISSIONS) expect(effective.actions[key].value).toBe(draft.actionsAllAccess || draft.actions.includes(key));
    if (see("opportunity")) {
      expect(effective.objects.opportunity.fields.stage.edit).toEqual({ value: true, source: "fieldRule" });
      expect(effective.objects.opportunity.fields.amount.edit).toEqual({ value: false, source: "fieldRule" });
    }
    if (see("person")) expect(effective.objects.person.fields.address.see).toEqual({ value: false, source: "fieldRule" });

    // REST: a key holding the role is told exactly the engine's view, less the fields it cannot see.
    const secret = `rc_roundtrip_${invert ? "b" : "a"}_0123456789abcdef`;
    await createApiKey(db, { workspaceId: workspace.id, name: `Round trip ${invert}`, secret, roleId: written.id });
    const response = await handleMyPermissions(deps, new Request("http://localhost/api/rest/me/permissions", { headers: { authorization: `Bearer ${secret}` } }), {});
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.role).toEqual({ id: written.id, name: draft.name });
    expect(body.data.permissions).toEqual(JSON.parse(JSON.stringify(readablePermissions(effective))));
  });

  it("rewrites a role in place only at the version it was read, replacing every rule row", async () => {
    const { workspace } = await loadDemo(db);
    const first = await writeRoleDefinition(db, workspace.id, fullRole("Rewritten", false));
    const inverse = fullRole("Rewritten", true);
    await writeRoleDefinition(db, workspace.id, inverse, { roleId: first.id, expectedVersion: 1 });
    expect(await loadRoleDefinition(db, workspace.id, first.id)).toEqual({ id: first.id, version: 2, isAdmin: false, ...canonical(inverse) });
    await expect(writeRoleDefinition(db, workspace.id, inverse, { roleId: first.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "VERSION_CONFLICT" });
  });
});
