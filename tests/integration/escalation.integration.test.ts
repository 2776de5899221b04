/**
 * The escalation suite (SPEC §11, §16), model-based: random non-Admin actors holding random roles
 * (some, like a Sales rep, reaching only the opportunities they own) run random sequences of every
 * administrative use case through the domain functions, on a real database, while a clock the
 * model owns moves past the assignments' `Until`s. After every step, whatever it did:
 * - no role the step created or changed grants a permission its actor lacked, and no role it
 *   deleted did, nor was one that guardrails protect; no guardrail was removed;
 * - at every instant from now on (the step's instant and every `Until` ahead), whatever any
 *   principal holds because of the step, and whatever it would have held instead, is within the
 *   actor's authority, the default role it falls back to included; a token minted for an agent
 *   acts as the agent at all those instants, so the same holds for it;
 * - nothing about Admin changed (the role, who holds it, its keys), and a lasting Admin remains.
 * When the clock moves, each principal holds what its timeline said and resolves to it.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo, useDemoDatabase } from "./db";
import { DomainError } from "@/lib/errors";
import { isWithinAuthority, type EffectivePermissions, type RecordRule, SETTINGS_PERMISSIONS, ACTION_PERMISSIONS, OBJECT_ACTIONS, PRINCIPAL_KINDS, RULE_SWITCHES, assignableTo, baselineFrom, baselineValue, type AssignableKey, type ObjectAction, type RuleKey } from "@/lib/permissions";
import { agentPrincipal, apiKeyPrincipalById, memberPrincipal, type Principal } from "@/lib/access/principal";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { rolesWithinAuthority } from "@/lib/access/authority";
import { createRole, updateRole } from "@/lib/roles/save";
import { deleteRole } from "@/lib/roles/delete";
import { setDefaultRole } from "@/lib/roles/default-role";
import { assignRole, unassignRole, type PrincipalRef } from "@/lib/roles/assignment";
import { inviteMember, temporaryCredentials } from "@/lib/members/invite";
import { removeMember } from "@/lib/members/remove";
import { createApiKey } from "@/lib/api-keys/create";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { createAgentToken } from "@/lib/agents/tokens";
import { createGuardrail, deleteGuardrail, type GuardrailStatement } from "@/lib/roles/guardrails";
import { expireDueAssignments } from "@/lib/roles/expiry";
import { assignPermissionSet, unassignPermissionSet } from "@/lib/permission-sets/assignment";
import { EMPTY_ROLE_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { writeRoleDefinition } from "@/lib/roles/store";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { createMember, createRole as seedRole, type ObjectIndex } from "@/prisma/factories";
import { demoSchema } from "@/lib/permissions/fixtures";

const db = useDemoDatabase();
let workspaceId: string;
const ACTOR_EMAILS = ["actor0@escalation.test", "actor1@escalation.test"];
const TARGET_EMAILS = ["target0@escalation.test", "target1@escalation.test", "target2@escalation.test"];
const TARGET_MEMBER_IDS = new Set<string>();
const stats = { sequences: 0, steps: 0, accepted: 0, refused: 0, expiries: 0 };
const refusals = new Map<string, number>();

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
  fc
    .tuple(fc.constantFrom(true, true, true, true, true, true, true, true, true, false), fc.array(fc.constantFrom(true, true, false), { minLength: SETTINGS_PERMISSIONS.length, maxLength: SETTINGS_PERMISSIONS.length }))
    .map(([roles, others]) => [...(roles ? ["ROLES" as const] : []), ...SETTINGS_PERMISSIONS.filter((key, i) => key !== "ROLES" && others[i])]),
).map((draft) => ({ ...draft, settingsAllAccess: false }));
const anyDraftArb = draftArb(fc.subarray([...SETTINGS_PERMISSIONS]));

/** Which of the actor's own grants a narrowed copy drops (baseline, settings, actions, in order). */
type Narrowing = boolean[] | null;

type Command =
  | { kind: "createRole"; draft: Omit<RoleDraft, "name">; narrow: Narrowing }
  | { kind: "updateRole"; role: number; draft: Omit<RoleDraft, "name">; narrow: Narrowing }
  | { kind: "deleteRole"; role: number }
  | { kind: "setDefaultRole"; role: number }
  | { kind: "assign"; role: number; principal: number; untilHours: number | null; aimed: boolean }
  | { kind: "unassign"; principal: number }
  | { kind: "invite" }
  | { kind: "removeMember"; principal: number }
  | { kind: "createApiKey"; role: number; withoutRole: boolean }
  | { kind: "revokeApiKey"; principal: number }
  | { kind: "createGuardrail"; role: number; statement: number }
  | { kind: "deleteGuardrail"; guardrail: number }
  | { kind: "createAgentToken"; principal: number }
  | { kind: "createSet"; draft: Omit<RoleDraft, "name">; narrow: Narrowing }
  | { kind: "assignSet"; set: number; principal: number; untilHours: number | null; aimed: boolean }
  | { kind: "unassignSet"; principal: number; set: number }
  // Time passes: the clock moves just past the next pending Until (or `hours` when none is pending).
  | { kind: "advanceClock"; hours: number };

const index = fc.nat({ max: 1000 });
// Half the drafts are narrowed copies of the actor's own role: those are the saves that pass.
const narrowArb: fc.Arbitrary<Narrowing> = fc.option(fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), { freq: 2 });
/** Most assignments end: that is where the fallback to the default role comes in. */
const untilArb = fc.option(fc.integer({ min: 1, max: 72 }), { freq: 3 });
const commandArb: fc.Arbitrary<{ actor: number; command: Command }> = fc.record({
  actor: fc.nat({ max: ACTOR_EMAILS.length - 1 }),
  command: fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("createRole" as const), draft: anyDraftArb, narrow: narrowArb }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("updateRole" as const), role: index, draft: anyDraftArb, narrow: narrowArb }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("deleteRole" as const), role: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("setDefaultRole" as const), role: index }) },
    // Aimed: a target member and a role the actor holds (the moves that may pass); else anything.
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("assign" as const), role: index, principal: index, untilHours: untilArb, aimed: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("unassign" as const), principal: index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("invite" as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("removeMember" as const), principal: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("createApiKey" as const), role: index, withoutRole: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("revokeApiKey" as const), principal: index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("createGuardrail" as const), role: index, statement: index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteGuardrail" as const), guardrail: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("createAgentToken" as const), principal: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("createSet" as const), draft: anyDraftArb, narrow: narrowArb }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("assignSet" as const), set: index, principal: index, untilHours: untilArb, aimed: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("unassignSet" as const), principal: index, set: index }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("advanceClock" as const), hours: fc.integer({ min: 1, max: 48 }) }) },
  ),
});

// ---------------------------------------------------------------------------------------------
// The observed state and the invariants.
// ---------------------------------------------------------------------------------------------

interface Held {
  /** The stored assignment: a key or agent may have none. */
  roleId: string | null;
  until: number | null;
  revoked: boolean;
  /** Permission sets held beside the role (SPEC §17), each for good or until an instant. */
  sets: { setId: string; until: number | null }[];
}

interface State {
  defaultRoleId: string;
  roles: Map<string, { version: number; isAdmin: boolean; row: string }>;
  principals: Map<string, Held>;
  /** Lasting Admin holders (no Until), by principal id. */
  adminHolders: string[];
  guardrails: Set<string>;
  /** Guardrail ids by role, to tell a protected role. */
  guardedRoles: Set<string>;
  /** Agent id → its token ids. */
  tokens: Map<string, Set<string>>;
}

async function observe(): Promise<State> {
  const [workspace, roles, members, keys, agents, guardrails, tokens, setAssignments] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    db.role.findMany({ where: { workspaceId } }),
    db.workspaceMember.findMany({ where: { workspaceId } }),
    db.apiKey.findMany({ where: { workspaceId } }),
    db.agent.findMany({ where: { workspaceId } }),
    db.guardrail.findMany({ where: { workspaceId } }),
    db.agentToken.findMany({ where: { workspaceId } }),
    db.permissionSetAssignment.findMany({ where: { workspaceId } }),
  ]);
  const principals = new Map<string, Held>();
  const time = (date: Date | null) => date?.getTime() ?? null;
  const setsOf = (kind: string, id: string) => setAssignments.filter((row) => row.principalKind === kind && row.principalId === id).map((row) => ({ setId: row.setId, until: time(row.expiresAt) }));
  for (const member of members) principals.set(`member:${member.id}`, { roleId: member.roleId, until: time(member.roleExpiresAt), revoked: false, sets: setsOf("member", member.id) });
  for (const key of keys) principals.set(`apiKey:${key.id}`, { roleId: key.roleId, until: time(key.roleExpiresAt), revoked: key.revokedAt !== null, sets: setsOf("apiKey", key.id) });
  for (const agent of agents) principals.set(`agent:${agent.id}`, { roleId: agent.roleId, until: time(agent.roleExpiresAt), revoked: false, sets: setsOf("agent", agent.id) });
  const adminIds = new Set(roles.filter((role) => role.isAdmin).map((role) => role.id));
  const tokensByAgent = new Map<string, Set<string>>();
  for (const token of tokens) tokensByAgent.set(token.agentId, new Set([...(tokensByAgent.get(token.agentId) ?? []), token.id]));
  return {
    defaultRoleId: workspace.defaultRoleId!,
    roles: new Map(roles.map((role) => [role.id, { version: role.version, isAdmin: role.isAdmin, row: JSON.stringify(role) }])),
    principals,
    adminHolders: [...principals].filter(([, held]) => held.roleId !== null && adminIds.has(held.roleId) && held.until === null && !held.revoked).map(([id]) => id).sort(),
    guardrails: new Set(guardrails.map((guardrail) => guardrail.id)),
    guardedRoles: new Set(guardrails.flatMap((guardrail) => (guardrail.roleId ? [guardrail.roleId] : []))),
    tokens: tokensByAgent,
  };
}

/** The role a principal acts with at instant `t`: its own until its Until, then the default role (a key or agent: no role, which is the default role's). */
function heldAt(held: Held, state: State, t: number): string {
  if (held.roleId !== null && (held.until === null || t < held.until)) return held.roleId;
  return state.defaultRoleId;
}

/** The permission sets a principal holds at instant `t`. */
function setsAt(held: Held, t: number): string[] {
  return held.sets.filter((set) => set.until === null || t < set.until).map((set) => set.setId);
}

/** Every instant at which what a principal holds may change, from now on: the step is checked at all of them. */
function instants(now: number, ...states: State[]): number[] {
  const ends = states
    .flatMap((state) => [...state.principals.values()].flatMap((held) => [held.until, ...held.sets.map((set) => set.until)]))
    .filter((until): until is number => until !== null && until > now);
  return [now, ...ends.flatMap((until) => [until - 1, until]), now + 10 * 365 * 86_400_000];
}

const permissionsOf = (roleId: string) => loadRolePermissions(db, workspaceId, roleId);

/** May the actor hand out (or take away) this role? A role the step deleted was judged just before it. */
async function within(roleId: string, authority: EffectivePermissions, actorId: string, deletedWithin: ReadonlyMap<string, boolean>): Promise<boolean> {
  if (!(await db.role.findUnique({ where: { id: roleId }, select: { id: true } }))) return deletedWithin.get(roleId) ?? false;
  return isWithinAuthority(await permissionsOf(roleId), authority, actorId);
}

async function checkInvariants(before: State, after: State, authority: EffectivePermissions, actorId: string, now: number, label: string, deletedWithin: Map<string, boolean>) {
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
  // A role deleted was within the actor's authority (held or not), and no guardrail protected it.
  for (const id of before.roles.keys()) {
    if (after.roles.has(id)) continue;
    expect(deletedWithin.get(id), `${label}: deleted role ${id} beyond its deleter`).toBe(true);
    expect(before.guardedRoles.has(id), `${label}: a non-Admin deleted a role that guardrails protect`).toBe(false);
  }
  // Only Admins loosen protection: a non-Admin never removes a guardrail.
  for (const id of before.guardrails) expect(after.guardrails.has(id), `${label}: guardrail ${id} removed by a non-Admin`).toBe(true);

  // At every instant from now on, whatever a principal holds that it would not have held
  // without the step, and whatever it would have held instead, is within the actor's authority.
  const points = instants(now, before, after);
  for (const [id, held] of after.principals) {
    if (held.revoked) continue;
    const previous = before.principals.get(id);
    const live = previous && !previous.revoked ? previous : null;
    for (const t of points) {
      const now = heldAt(held, after, t);
      const was = live ? heldAt(live, before, t) : null;
      if (was !== now) {
        expect(await within(now, authority, actorId, deletedWithin), `${label}: ${id} holds ${now} at ${new Date(t).toISOString()}, beyond its actor`).toBe(true);
        if (was !== null) expect(await within(was, authority, actorId, deletedWithin), `${label}: ${id} was moved off ${was} at ${new Date(t).toISOString()}, beyond its actor`).toBe(true);
      }
      // Sets given or taken at this instant, likewise (SPEC §17).
      const [setsNow, setsWas] = [setsAt(held, t), live ? setsAt(live, t) : []];
      for (const set of setsNow.filter((set) => !setsWas.includes(set))) expect(await within(set, authority, actorId, deletedWithin), `${label}: ${id} holds set ${set} at ${new Date(t).toISOString()}, beyond its actor`).toBe(true);
      for (const set of setsWas.filter((set) => !setsNow.includes(set))) expect(await within(set, authority, actorId, deletedWithin), `${label}: ${id} lost set ${set} at ${new Date(t).toISOString()}, beyond its actor`).toBe(true);
    }
  }
  // A token acts as its agent: the agent's whole timeline is within whoever minted it.
  for (const [agentId, tokens] of after.tokens) {
    const previous = before.tokens.get(agentId) ?? new Set();
    if ([...tokens].every((token) => previous.has(token))) continue;
    const held = after.principals.get(`agent:${agentId}`)!;
    for (const t of points) {
      for (const grant of [heldAt(held, after, t), ...setsAt(held, t)]) expect(await within(grant, authority, actorId, deletedWithin), `${label}: token for agent ${agentId} acts beyond its minter at ${new Date(t).toISOString()}`).toBe(true);
    }
  }
}

/** Time only moves on: each principal now holds what its timeline said it would, on every channel. */
async function checkExpiries(before: State, after: State, now: number, label: string) {
  for (const [id, held] of before.principals) {
    const recorded = after.principals.get(id)!;
    expect(heldAt(recorded, after, now), `${label}: ${id} after its Until`).toBe(heldAt(held, before, now));
    expect(setsAt(recorded, now).sort(), `${label}: ${id}'s sets after their Until`).toEqual(setsAt(held, now).sort());
    expect(recorded.sets.every((set) => set.until === null || set.until > now), `${label}: an ended set of ${id} not recorded`).toBe(true);
    if (held.until !== null && held.until <= now) expect(recorded.until, `${label}: expiry of ${id} not recorded`).toBeNull();
    const [kind, principalId] = id.split(":");
    const resolved =
      kind === "member" ? await memberPrincipal(db, principalId, new Date(now)) : kind === "agent" ? await agentPrincipal(db, principalId, new Date(now)) : await apiKeyPrincipalById(db, workspaceId, principalId, new Date(now));
    expect(resolved?.roleId, `${label}: ${id} resolves to another role than it holds`).toBe(heldAt(held, before, now));
    // An Admin holds everything: its sets add nothing, and it resolves as Admin alone.
    if (!resolved?.permissions.isAdmin) expect((resolved?.permissions.grants ?? []).slice(1).map((part) => part.grant.id).sort(), `${label}: ${id} resolves to other sets than it holds`).toEqual(setsAt(held, now).sort());
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

const HOUR = 3_600_000;
/** The model's clock: only moves on, across sequences too (the database keeps what they did). */
let clock = Date.now();

/** Statements a delegate may try to add, about any role. */
const STATEMENTS: GuardrailStatement[] = [
  { mode: "never", action: "see", object: "person", field: "address" },
  { mode: "never", action: "EXPORT_CSV", object: null, field: null },
  { mode: "always", action: "see", object: "company", field: null },
  { mode: "never", action: "edit", object: "opportunity", field: null },
];

/** Runs one command through the domain functions at the model's clock; returns what a deletion judged beforehand. */
async function run(actor: Principal, command: Command, state: State, deletedWithin: Map<string, boolean>) {
  const roleIds = [...state.roles.keys()].sort();
  const principalIds = [...state.principals.keys()].sort();
  const now = new Date(clock);
  switch (command.kind) {
    case "createRole": {
      const draft = { ...(await draftFor(actor, command)), name: `Role ${unique()}` };
      return db.$transaction((tx) => createRole(tx, actor, draft));
    }
    case "updateRole": {
      const roleId = pick(roleIds, command.role)!;
      const role = await db.role.findUniqueOrThrow({ where: { id: roleId } });
      const draft = { ...(await draftFor(actor, command)), name: role.name };
      return db.$transaction((tx) => updateRole(tx, actor, roleId, role.version, draft));
    }
    case "deleteRole": {
      const roleId = pick(roleIds, command.role)!;
      deletedWithin.set(roleId, isWithinAuthority(await permissionsOf(roleId), actor.permissions, actor.id));
      return db.$transaction((tx) => deleteRole(tx, actor, roleId));
    }
    case "setDefaultRole":
      return db.$transaction((tx) => setDefaultRole(tx, actor, pick(roleIds, command.role)!));
    case "assign": {
      const until = command.untilHours === null ? null : new Date(clock + command.untilHours * HOUR);
      const targets = command.aimed ? principalIds.filter((id) => TARGET_MEMBER_IDS.has(id)) : principalIds;
      const roles = command.aimed ? (await rolesWithinAuthority(db, actor)).sort() : roleIds;
      const roleId = pick(roles.length > 0 ? roles : roleIds, command.role)!;
      return db.$transaction((tx) => assignRole(tx, actor, roleId, principalRef(pick(targets.length > 0 ? targets : principalIds, command.principal)!), until, now));
    }
    case "unassign": {
      const id = pick(principalIds, command.principal)!;
      return db.$transaction((tx) => unassignRole(tx, actor, state.principals.get(id)!.roleId ?? "none", principalRef(id), now));
    }
    case "invite": {
      const credentials = await temporaryCredentials();
      return db.$transaction((tx) => inviteMember(tx, actor, { name: "Invitee", email: `invitee-${unique()}@escalation.test` }, credentials, now));
    }
    case "removeMember": {
      const members = principalIds.filter((id) => id.startsWith("member:"));
      return db.$transaction((tx) => removeMember(tx, actor, principalRef(pick(members, command.principal)!).id));
    }
    case "createApiKey":
      return db.$transaction((tx) => createApiKey(tx, actor, { name: `Key ${unique()}`, expiresAt: null, roleId: command.withoutRole ? null : pick(roleIds, command.role)! }, now));
    case "revokeApiKey": {
      const key = pick(principalIds.filter((id) => id.startsWith("apiKey:")), command.principal);
      return key ? db.$transaction((tx) => revokeApiKey(tx, actor, principalRef(key).id, now)) : undefined;
    }
    case "createGuardrail":
      return db.$transaction((tx) => createGuardrail(tx, actor, pick(roleIds, command.role)!, pick(STATEMENTS, command.statement)!));
    case "deleteGuardrail": {
      const guardrail = pick([...state.guardrails].sort(), command.guardrail);
      return guardrail ? db.$transaction((tx) => deleteGuardrail(tx, actor, guardrail)) : undefined;
    }
    case "createAgentToken": {
      const agent = pick(principalIds.filter((id) => id.startsWith("agent:")), command.principal);
      return agent ? db.$transaction((tx) => createAgentToken(tx, actor, principalRef(agent).id, `Token ${unique()}`, null, now)) : undefined;
    }
    case "createSet": {
      const draft = { ...(await draftFor(actor, command)), name: `Set ${unique()}` };
      return db.$transaction((tx) => createRole(tx, actor, draft, "created", [], "set"));
    }
    case "assignSet": {
      const sets = (await db.role.findMany({ where: { workspaceId, kind: "set" }, select: { id: true }, orderBy: { id: "asc" } })).map((set) => set.id);
      const setId = pick(sets, command.set);
      if (!setId) return undefined;
      const until = command.untilHours === null ? null : new Date(clock + command.untilHours * HOUR);
      const targets = command.aimed ? principalIds.filter((id) => TARGET_MEMBER_IDS.has(id)) : principalIds;
      return db.$transaction((tx) => assignPermissionSet(tx, actor, setId, principalRef(pick(targets.length > 0 ? targets : principalIds, command.principal)!), until, now));
    }
    case "unassignSet": {
      const holders = principalIds.filter((id) => state.principals.get(id)!.sets.length > 0);
      const holder = pick(holders, command.principal);
      if (!holder) return undefined;
      const setId = pick(state.principals.get(holder)!.sets, command.set)!.setId;
      return db.$transaction((tx) => unassignPermissionSet(tx, actor, setId, principalRef(holder)));
    }
    case "advanceClock":
      return undefined; // the property moves the clock itself (see below)
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

/** Gives the actors fresh random roles (as the database's owner would), re-creating removed ones. */
async function prepareActors(drafts: Omit<RoleDraft, "name">[], ownOpportunitiesOnly: boolean[], extraSets: (Omit<RoleDraft, "name"> | null)[]) {
  const ids: string[] = [];
  for (const [i, email] of ACTOR_EMAILS.entries()) {
    const draft = { ...EMPTY_ROLE_DRAFT, ...drafts[i] };
    const sees = baselineValue(draft, "see");
    const role = await seedRole(db, workspaceId, objectIndex, {
      name: `Actor role ${unique()}`,
      ...baselineFrom((action) => sees && baselineValue(draft, action)),
      settings: draft.settings,
      actionsAllAccess: draft.actionsAllAccess,
      actions: draft.actions,
      // Like Sam's Sales rep: only the opportunities it owns. Handing out the same rule would
      // give each holder their own, which this actor does not reach (SPEC §16).
      objectRules: sees && ownOpportunitiesOnly[i] ? [{ object: "opportunity", canSee: true, recordRule: OWNED_BY_ME }] : [],
    });
    const existing = await db.workspaceMember.findFirst({ where: { workspaceId, user: { email } } });
    if (existing) await db.workspaceMember.update({ where: { id: existing.id }, data: { roleId: role.id } });
    const id = existing?.id ?? (await createMember(db, { workspaceId, roleId: role.id, email, name: `Actor ${i}`, passwordHash: "x" })).id;
    // Some actors hold a permission set beside their role (SPEC §17): their authority is the union.
    await db.permissionSetAssignment.deleteMany({ where: { principalKind: "member", principalId: id } });
    const extra = extraSets[i];
    if (extra) {
      const set = await writeRoleDefinition(db, workspaceId, { ...EMPTY_ROLE_DRAFT, ...extra, name: `Actor set ${unique()}`, kind: "set" });
      await db.permissionSetAssignment.create({ data: { workspaceId, setId: set.id, principalKind: "member", principalId: id } });
    }
    ids.push(id);
  }
  return ids;
}

/**
 * Members the actors may well move: at the start of each sequence they hold Guest (a role most
 * actors hold), while the default role they would fall back to may be Member (one most lack).
 */
async function prepareTargets() {
  const guest = await db.role.findUnique({ where: { id: demoRoles.get("Guest")! }, select: { id: true } });
  const { defaultRoleId: fallback } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultRoleId: true } });
  const defaultRoleId = guest?.id ?? fallback;
  for (const email of TARGET_EMAILS) {
    const existing = await db.workspaceMember.findFirst({ where: { workspaceId, user: { email } } });
    const member = existing
      ? await db.workspaceMember.update({ where: { id: existing.id }, data: { roleId: defaultRoleId!, roleExpiresAt: null } })
      : await createMember(db, { workspaceId, roleId: defaultRoleId!, email, name: email, passwordHash: "x" });
    TARGET_MEMBER_IDS.add(`member:${member.id}`);
  }
}

let objectIndex: ObjectIndex;
const OWNED_BY_ME: RecordRule = { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] };

let demoRoles: Map<string, string>;

beforeAll(async () => {
  const demo = await loadDemo(db);
  workspaceId = demo.workspace.id;
  demoRoles = new Map(["Member", "Guest"].map((name) => [name, demo.roleId(name)]));
  const objects = await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } });
  objectIndex = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
});

afterAll(() => {
  if (process.env.ESCALATION_DEBUG) console.log([...refusals].sort((a, b) => b[1] - a[1]));
  console.log(`escalation suite: ${stats.sequences} sequences, ${stats.steps} steps (${stats.accepted} accepted, ${stats.refused} refused, ${stats.expiries} expiries recorded as time passed)`);
});

describe("escalation suite (SPEC §11, §16)", () => {
  it("no sequence of use cases by non-Admins, at any instant, grants beyond its actor, touches Admin, loosens guardrails or loses the last Admin", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(actorDraftArb, { minLength: 2, maxLength: 2 }),
        fc.array(fc.constantFrom(true, false, false), { minLength: 2, maxLength: 2 }),
        fc.array(fc.option(actorDraftArb, { freq: 2 }), { minLength: 2, maxLength: 2 }),
        fc.constantFrom("Member", "Guest", "Guest"),
        fc.array(commandArb, { minLength: 5, maxLength: 25 }),
        async (actorDrafts, ownOpportunitiesOnly, extraSets, defaultRole, commands) => {
          stats.sequences++;
          clock = Math.max(clock, Date.now());
          const actorIds = await prepareActors(actorDrafts, ownOpportunitiesOnly, extraSets);
          // As the owner would: a default role the actors often hold (Guest) or rarely (Member),
          // so that assignments with an Until are both accepted and refused.
          const chosen = await db.role.findUnique({ where: { id: demoRoles.get(defaultRole)! }, select: { id: true } });
          if (chosen) await db.workspace.update({ where: { id: workspaceId }, data: { defaultRoleId: chosen.id } });
          await prepareTargets();
          for (const [step, { actor: actorIndex, command }] of commands.entries()) {
            const label = `step ${step} ${command.kind}`;
            stats.steps++;
            const before = await observe();
            if (command.kind === "advanceClock") {
              const pending = [...before.principals.values()].flatMap((held) => [held.until, ...held.sets.map((set) => set.until)]).filter((until): until is number => until !== null && until > clock);
              clock = pending.length > 0 ? Math.min(...pending) + 1_000 : clock + command.hours * HOUR;
              stats.expiries += await expireDueAssignments(db, workspaceId, new Date(clock));
              await checkExpiries(before, await observe(), clock, label);
              continue;
            }
            const actor = await memberPrincipal(db, actorIds[actorIndex], new Date(clock));
            if (!actor) continue; // removed by the other actor earlier in the sequence
            const authority = actor.permissions;
            const deletedWithin = new Map<string, boolean>();
            try {
              await run(actor, command, before, deletedWithin);
              stats.accepted++;
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              stats.refused++;
              if (process.env.ESCALATION_DEBUG) { const k = `${command.kind}${command.kind === "assign" && command.aimed ? "(aimed)" : ""}:${error.code}:${error.details.field ?? ""}`; refusals.set(k, (refusals.get(k) ?? 0) + 1); }
            }
            await checkInvariants(before, await observe(), authority, actor.id, clock, label, deletedWithin);
          }
        },
      ),
      { numRuns: Number(process.env.ESCALATION_RUNS ?? 150), endOnFailure: true },
    );
    expect(stats.accepted).toBeGreaterThan(0);
    expect(stats.expiries).toBeGreaterThan(0);
  }, 600_000);
});
