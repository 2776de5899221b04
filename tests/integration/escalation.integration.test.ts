/**
 * The escalation suite (SPEC §11), model-based: random non-Admin actors holding random roles run
 * random sequences of every administrative use case through the domain functions, on a real
 * database. After every step, whatever it did:
 * - no principal or role that the step created or changed holds a permission its actor lacked
 *   at that moment;
 * - nothing about Admin changed (the role, who holds it, its keys);
 * - at least one member holds Admin.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo, useDemoDatabase } from "./db";
import { DomainError } from "@/lib/errors";
import { isWithinAuthority, type EffectivePermissions, SETTINGS_PERMISSIONS, ACTION_PERMISSIONS, OBJECT_ACTIONS, PRINCIPAL_KINDS, RULE_SWITCHES, assignableTo, baselineFrom, baselineValue, type AssignableKey, type ObjectAction, type RuleKey } from "@/lib/permissions";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { createRole, updateRole } from "@/lib/roles/save";
import { deleteRole } from "@/lib/roles/delete";
import { setDefaultRole } from "@/lib/roles/default-role";
import { assignRole, unassignRole, type PrincipalRef } from "@/lib/roles/assignment";
import { inviteMember, temporaryCredentials } from "@/lib/members/invite";
import { removeMember } from "@/lib/members/remove";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { EMPTY_ROLE_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { createMember, createRole as seedRole, type ObjectIndex } from "@/prisma/factories";
import { demoSchema } from "@/lib/permissions/fixtures";

const db = useDemoDatabase();
let workspaceId: string;
const ACTOR_EMAILS = ["actor0@escalation.test", "actor1@escalation.test"];
const stats = { sequences: 0, steps: 0, accepted: 0, refused: 0 };

// ---------------------------------------------------------------------------------------------
// Arbitraries: role drafts over the demo schema, biased towards valid ones.
// ---------------------------------------------------------------------------------------------

const OBJECTS = demoSchema.objects.map((object) => object.name);
const REGULAR_FIELDS = demoSchema.objects.flatMap((object) => object.fields.filter((field) => !field.isLabel && !field.isSystem).map((field) => [object.name, field.name] as const));
const maybe = fc.constantFrom(true, false, null, null);
const mostlyTrue = fc.constantFrom(true, true, true, false);

/** Per action: See mostly on, Destroy rarely; the others at even odds. */
const BASELINE_ARBS: Record<ObjectAction, fc.Arbitrary<boolean>> = { see: mostlyTrue, create: fc.boolean(), edit: fc.boolean(), delete: fc.boolean(), destroy: fc.constantFrom(false, false, true) };
const ruleArbs = Object.fromEntries(OBJECT_ACTIONS.map((action) => [RULE_SWITCHES[action], action === "see" ? fc.constantFrom(true, null, null, false) : maybe])) as Record<RuleKey, fc.Arbitrary<boolean | null>>;

const draftArb = (settings: fc.Arbitrary<RoleDraft["settings"]>): fc.Arbitrary<Omit<RoleDraft, "name">> =>
  fc.record({
    description: fc.constant(""),
    icon: fc.constant("user"),
    ...baselineFrom((action) => BASELINE_ARBS[action]),
    settingsAllAccess: fc.constantFrom(false, false, false, true),
    settings,
    actionsAllAccess: fc.constantFrom(false, false, true),
    actions: fc.subarray([...ACTION_PERMISSIONS]),
    ...(Object.fromEntries(Object.entries(assignableTo(...PRINCIPAL_KINDS)).map(([name, value]) => [name, fc.constant(value)])) as Record<AssignableKey, fc.Arbitrary<boolean>>),
    objectRules: fc.uniqueArray(
      fc.record({ object: fc.constantFrom(...OBJECTS), ...ruleArbs }),
      { selector: (rule) => rule.object, maxLength: 3 },
    ),
    fieldRules: fc.uniqueArray(
      fc.constantFrom(...REGULAR_FIELDS).chain(([object, field]) => fc.record({ object: fc.constant(object), field: fc.constant(field), canSee: maybe, canEdit: maybe })),
      { selector: (rule) => `${rule.object}.${rule.field}`, maxLength: 3 },
    ),
  });

/** Actors manage something: Roles most of the time, often Members and API keys too. */
const actorDraftArb = draftArb(
  fc.tuple(fc.constantFrom(true, true, true, false), fc.subarray(SETTINGS_PERMISSIONS.filter((key) => key !== "ROLES"))).map(([roles, others]) => (roles ? ["ROLES", ...others] : others)),
).map((draft) => ({ ...draft, settingsAllAccess: false }));
const anyDraftArb = draftArb(fc.subarray([...SETTINGS_PERMISSIONS]));

/** Which of the actor's own grants a narrowed copy drops (baseline, settings, actions, in order). */
type Narrowing = boolean[] | null;

type Command =
  | { kind: "createRole"; draft: Omit<RoleDraft, "name">; narrow: Narrowing }
  | { kind: "updateRole"; role: number; draft: Omit<RoleDraft, "name">; narrow: Narrowing }
  | { kind: "deleteRole"; role: number }
  | { kind: "setDefaultRole"; role: number }
  | { kind: "assign"; role: number; principal: number }
  | { kind: "unassign"; principal: number }
  | { kind: "invite" }
  | { kind: "removeMember"; principal: number }
  | { kind: "createApiKey"; role: number; withoutRole: boolean }
  | { kind: "revokeApiKey"; principal: number };

const index = fc.nat({ max: 1000 });
// Half the drafts are narrowed copies of the actor's own role: those are the saves that pass.
const narrowArb: fc.Arbitrary<Narrowing> = fc.option(fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), { freq: 2 });
const commandArb: fc.Arbitrary<{ actor: number; command: Command }> = fc.record({
  actor: fc.nat({ max: ACTOR_EMAILS.length - 1 }),
  command: fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("createRole" as const), draft: anyDraftArb, narrow: narrowArb }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("updateRole" as const), role: index, draft: anyDraftArb, narrow: narrowArb }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteRole" as const), role: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("setDefaultRole" as const), role: index }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("assign" as const), role: index, principal: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("unassign" as const), principal: index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("invite" as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("removeMember" as const), principal: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("createApiKey" as const), role: index, withoutRole: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("revokeApiKey" as const), principal: index }) },
  ),
});

// ---------------------------------------------------------------------------------------------
// The observed state and the invariants.
// ---------------------------------------------------------------------------------------------

interface State {
  defaultRoleId: string;
  roles: Map<string, { version: number; isAdmin: boolean; row: string }>;
  /** Every principal's effective role (a key or agent without one: the default role). */
  principals: Map<string, { roleId: string; revoked: boolean }>;
  adminHolders: string[];
}

async function observe(): Promise<State> {
  const [workspace, roles, members, keys, agents] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    db.role.findMany({ where: { workspaceId } }),
    db.workspaceMember.findMany({ where: { workspaceId } }),
    db.apiKey.findMany({ where: { workspaceId } }),
    db.agent.findMany({ where: { workspaceId } }),
  ]);
  const defaultRoleId = workspace.defaultRoleId!;
  const principals = new Map<string, { roleId: string; revoked: boolean }>();
  for (const member of members) principals.set(`member:${member.id}`, { roleId: member.roleId, revoked: false });
  for (const key of keys) principals.set(`apiKey:${key.id}`, { roleId: key.roleId ?? defaultRoleId, revoked: key.revokedAt !== null });
  for (const agent of agents) principals.set(`agent:${agent.id}`, { roleId: agent.roleId ?? defaultRoleId, revoked: false });
  const adminIds = new Set(roles.filter((role) => role.isAdmin).map((role) => role.id));
  return {
    defaultRoleId,
    roles: new Map(roles.map((role) => [role.id, { version: role.version, isAdmin: role.isAdmin, row: JSON.stringify(role) }])),
    principals,
    adminHolders: [...principals].filter(([, held]) => adminIds.has(held.roleId) && !held.revoked).map(([id]) => id).sort(),
  };
}

const permissionsOf = (roleId: string) => loadRolePermissions(db, workspaceId, roleId);

async function checkInvariants(before: State, after: State, authority: EffectivePermissions, actorId: string, label: string) {
  // Admin: the role row, who holds it (and its keys' revocation) are untouched by a non-Admin.
  for (const [id, role] of before.roles) if (role.isAdmin) expect(after.roles.get(id)?.row, `${label}: Admin role changed`).toBe(role.row);
  expect(after.adminHolders, `${label}: Admin holders changed`).toEqual(before.adminHolders);
  expect(after.adminHolders.some((id) => id.startsWith("member:")), `${label}: no Admin member left`).toBe(true);

  // Every role created or changed is within the actor's authority.
  for (const [id, role] of after.roles) {
    const previous = before.roles.get(id);
    if (previous && previous.version === role.version) continue;
    expect(isWithinAuthority(await permissionsOf(id), authority, actorId), `${label}: role ${id} exceeds its author`).toBe(true);
  }
  // Every principal created or moved holds a role within the actor's authority.
  for (const [id, held] of after.principals) {
    const previous = before.principals.get(id);
    if (previous && previous.roleId === held.roleId) continue;
    expect(isWithinAuthority(await permissionsOf(held.roleId), authority, actorId), `${label}: ${id} got a role beyond its actor's`).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------
// Running a command against the database through the domain functions.
// ---------------------------------------------------------------------------------------------

let uniqueCounter = 0;
const unique = () => `${Date.now().toString(36)}${(uniqueCounter++).toString(36)}`;
const pick = <T,>(items: readonly T[], at: number): T | undefined => (items.length === 0 ? undefined : items[at % items.length]);

function principalRef(id: string): PrincipalRef {
  const [kind, rest] = id.split(":");
  return { kind: kind as PrincipalRef["kind"], id: rest };
}

async function run(actor: Principal, command: Command, state: State) {
  const roleIds = [...state.roles.keys()].sort();
  const principalIds = [...state.principals.keys()].sort();
  switch (command.kind) {
    case "createRole":
      const draft = { ...(await draftFor(actor, command)), name: `Role ${unique()}` };
      return db.$transaction((tx) => createRole(tx, actor, draft));
    case "updateRole": {
      const roleId = pick(roleIds, command.role)!;
      const role = await db.role.findUniqueOrThrow({ where: { id: roleId } });
      const draft = { ...(await draftFor(actor, command)), name: role.name };
      return db.$transaction((tx) => updateRole(tx, actor, roleId, role.version, draft));
    }
    case "deleteRole":
      return db.$transaction((tx) => deleteRole(tx, actor, pick(roleIds, command.role)!));
    case "setDefaultRole":
      return db.$transaction((tx) => setDefaultRole(tx, actor, pick(roleIds, command.role)!));
    case "assign":
      return db.$transaction((tx) => assignRole(tx, actor, pick(roleIds, command.role)!, principalRef(pick(principalIds, command.principal)!)));
    case "unassign": {
      const id = pick(principalIds, command.principal)!;
      const target = principalRef(id);
      const stored = target.kind === "member" ? state.principals.get(id)!.roleId : (await storedRoleId(target)) ?? "none";
      return db.$transaction((tx) => unassignRole(tx, actor, stored, target));
    }
    case "invite": {
      const credentials = await temporaryCredentials();
      return db.$transaction((tx) => inviteMember(tx, actor, { name: "Invitee", email: `invitee-${unique()}@escalation.test` }, credentials));
    }
    case "removeMember": {
      const members = principalIds.filter((id) => id.startsWith("member:"));
      return db.$transaction((tx) => removeMember(tx, actor, principalRef(pick(members, command.principal)!).id));
    }
    case "createApiKey":
      return db.$transaction((tx) => createApiKey(tx, actor, { name: `Key ${unique()}`, expiresAt: null, roleId: command.withoutRole ? null : pick(roleIds, command.role)! }));
    case "revokeApiKey": {
      const keys = principalIds.filter((id) => id.startsWith("apiKey:"));
      const key = pick(keys, command.principal);
      return key ? db.$transaction((tx) => revokeApiKey(tx, actor, principalRef(key).id)) : undefined;
    }
  }
}

async function draftFor(actor: Principal, command: { draft: Omit<RoleDraft, "name">; narrow: Narrowing }): Promise<Omit<RoleDraft, "name">> {
  if (!command.narrow) return command.draft;
  const own = (await loadRoleForEditor(db, workspaceId, actor.roleId)).draft;
  const [see, edit, del, destroy, create, ...rest] = command.narrow;
  const keep = (list: readonly string[], offset: number) => list.filter((_key, i) => !rest[(offset + i) % rest.length]);
  const dropped: Record<ObjectAction, boolean> = { see, create, edit, delete: del, destroy };
  const sees = baselineValue(own, "see") && !see;
  return {
    ...own,
    ...baselineFrom((action) => sees && baselineValue(own, action) && !dropped[action]),
    settings: keep(own.settings, 0) as RoleDraft["settings"],
    actions: keep(own.actions, 7) as RoleDraft["actions"],
  };
}

async function storedRoleId(target: PrincipalRef): Promise<string | null> {
  if (target.kind === "apiKey") return (await db.apiKey.findUniqueOrThrow({ where: { id: target.id } })).roleId;
  return (await db.agent.findUniqueOrThrow({ where: { id: target.id } })).roleId;
}

/** Gives the actors fresh random roles (as the database's owner would), re-creating removed ones. */
async function prepareActors(drafts: Omit<RoleDraft, "name">[]) {
  const ids: string[] = [];
  for (const [i, email] of ACTOR_EMAILS.entries()) {
    const draft = { ...EMPTY_ROLE_DRAFT, ...drafts[i] };
    const role = await seedRole(db, workspaceId, objectIndex, {
      name: `Actor role ${unique()}`,
      ...baselineFrom((action) => baselineValue(draft, "see") && baselineValue(draft, action)),
      settings: draft.settings,
      actionsAllAccess: draft.actionsAllAccess,
      actions: draft.actions,
    });
    const existing = await db.workspaceMember.findFirst({ where: { workspaceId, user: { email } } });
    if (existing) await db.workspaceMember.update({ where: { id: existing.id }, data: { roleId: role.id } });
    ids.push(existing?.id ?? (await createMember(db, { workspaceId, roleId: role.id, email, name: `Actor ${i}`, passwordHash: "x" })).id);
  }
  return ids;
}

let objectIndex: ObjectIndex;

beforeAll(async () => {
  workspaceId = (await loadDemo(db)).workspace.id;
  const objects = await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } });
  objectIndex = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
});

afterAll(() => {
  console.log(`escalation suite: ${stats.sequences} sequences, ${stats.steps} steps (${stats.accepted} accepted, ${stats.refused} refused)`);
});

describe("escalation suite (SPEC §11)", () => {
  it("no sequence of use cases by non-Admins grants beyond its actor, touches Admin or loses the last Admin", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actorDraftArb, { minLength: 2, maxLength: 2 }), fc.array(commandArb, { minLength: 5, maxLength: 25 }), async (actorDrafts, commands) => {
        stats.sequences++;
        const actorIds = await prepareActors(actorDrafts);
        for (const [step, { actor: actorIndex, command }] of commands.entries()) {
          const actor = await memberPrincipal(db, actorIds[actorIndex]);
          if (!actor) continue; // removed by the other actor earlier in the sequence
          const before = await observe();
          const authority = actor.permissions;
          stats.steps++;
          try {
            await run(actor, command, before);
            stats.accepted++;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            stats.refused++;
          }
          await checkInvariants(before, await observe(), authority, actor.id, `step ${step} ${command.kind}`);
        }
      }),
      { numRuns: Number(process.env.ESCALATION_RUNS ?? 150), endOnFailure: true },
    );
    expect(stats.accepted).toBeGreaterThan(0);
  }, 300_000);
});
