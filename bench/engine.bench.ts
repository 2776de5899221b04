/**
 * Permission checks per second: Rolecall's engine against @casl/ability on the same rules (the
 * guide's Intern role) and the same fixed mix of checks, in one process, interleaved rounds.
 *
 *   node --import tsx bench/engine.bench.ts
 *
 * Prints checks/s (median of the rounds) for each and the ratio, then resolvePermissions times.
 */
import { AbilityBuilder, createMongoAbility, type MongoAbility } from "@casl/ability";
import { can, combineGrants, resolvePermissions, type EffectivePermissions, type GrantPart, type ObjectAction, type RoleDefinition } from "../lib/permissions";
import { adminRole, definitionFromSeed, demoSchema, guestRole, internRole, memberRole, salesRepRole, supportRole } from "../lib/permissions/fixtures";
import { EXPORT_FOR_AUDIT_SET } from "../lib/roles/built-in";

const CASL_ACTION: Record<ObjectAction, string> = { see: "read", create: "create", edit: "update", delete: "delete", destroy: "destroy" };

interface Check {
  readonly action: ObjectAction;
  readonly caslAction: string;
  readonly object: string;
  readonly field: string | undefined;
  readonly expected: boolean;
}

/** 16 checks (a power of two, so the loop indexes with `i & 15`): object- and field-level, allowed and denied. */
const CHECKS: readonly Check[] = (
  [
    ["see", "person", undefined, true],
    ["edit", "person", undefined, true],
    ["see", "opportunity", undefined, false],
    ["edit", "company", undefined, false],
    ["delete", "note", undefined, false],
    ["destroy", "task", undefined, false],
    ["see", "person", "email", true],
    ["edit", "person", "email", false],
    ["see", "person", "address", false],
    ["edit", "person", "phone", true],
    ["edit", "person", "name", true],
    ["edit", "person", "id", false],
    ["see", "company", "domain", true],
    ["edit", "company", "domain", false],
    ["see", "opportunity", "amount", false],
    ["see", "task", "status", true],
  ] as const
).map(([action, object, field, expected]) => ({ action, caslAction: CASL_ACTION[action], object, field, expected }));
const CHECK_MASK = CHECKS.length - 1;

/** The Intern role expressed in CASL: later rules override earlier ones, `cannot` with fields is field-level. */
function buildCaslIntern(): MongoAbility {
  const { can: allow, cannot: forbid, build } = new AbilityBuilder(createMongoAbility);
  for (const object of demoSchema.objects) allow("read", object.name); // baseline: See on, Edit/Delete/Destroy off
  forbid("read", "opportunity"); // object rule: opportunity → See off
  allow("update", "person"); // object rule: person → Edit on
  forbid("update", "person", ["email", "address"]); // person.email → See field; person.address → No access
  forbid("read", "person", ["address"]);
  for (const object of demoSchema.objects) {
    const systemFields = object.fields.filter((field) => field.isSystem).map((field) => field.name);
    forbid("update", object.name, systemFields); // system fields are never editable
  }
  return build();
}

function runEngine(perms: ReturnType<typeof resolvePermissions>, iterations: number): number {
  let allowed = 0;
  for (let i = 0; i < iterations; i++) {
    const check = CHECKS[i & CHECK_MASK];
    if (can(perms, check.action, check.object, check.field)) allowed++;
  }
  return allowed;
}

function runCasl(ability: MongoAbility, iterations: number): number {
  let allowed = 0;
  for (let i = 0; i < iterations; i++) {
    const check = CHECKS[i & CHECK_MASK];
    if (ability.can(check.caslAction, check.object, check.field)) allowed++;
  }
  return allowed;
}

/** Accumulates every result so that no loop can be optimised away; printed at the end. */
let sink = 0;

function checksPerSecond(run: (iterations: number) => number, iterations: number): number {
  const start = performance.now();
  sink += run(iterations);
  const seconds = (performance.now() - start) / 1000;
  return iterations / seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function millions(rate: number): string {
  return `${(rate / 1e6).toFixed(1)}M checks/s`;
}

function microseconds(run: () => unknown, repetitions: number): number {
  const start = performance.now();
  for (let i = 0; i < repetitions; i++) sink += run() === undefined ? 0 : 1;
  return ((performance.now() - start) * 1000) / repetitions;
}

function main(): void {
  const coldStart = performance.now();
  const engine = resolvePermissions(internRole, demoSchema);
  const coldResolveMicros = (performance.now() - coldStart) * 1000;
  const casl = buildCaslIntern();

  // Both sides must answer the same questions the same way, or the comparison means nothing.
  for (const check of CHECKS) {
    const ours = can(engine, check.action, check.object, check.field);
    const theirs = casl.can(check.caslAction, check.object, check.field);
    if (ours !== check.expected || theirs !== check.expected) {
      throw new Error(`Mismatch on ${check.action} ${check.object}.${check.field ?? "*"}: engine ${ours}, casl ${theirs}`);
    }
  }

  const ENGINE_ITERATIONS = 20_000_000;
  const CASL_ITERATIONS = 2_000_000;
  const ROUNDS = 7;

  // Warm-up: let the JIT optimise both loops before measuring.
  checksPerSecond((n) => runEngine(engine, n), ENGINE_ITERATIONS);
  checksPerSecond((n) => runCasl(casl, n), CASL_ITERATIONS);

  const engineRates: number[] = [];
  const caslRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    engineRates.push(checksPerSecond((n) => runEngine(engine, n), ENGINE_ITERATIONS));
    caslRates.push(checksPerSecond((n) => runCasl(casl, n), CASL_ITERATIONS));
  }
  const engineRate = median(engineRates);
  const caslRate = median(caslRates);
  console.log(`checks: ${CHECKS.length}-check mix (object- and field-level, allowed and denied), ${ROUNDS} rounds, median`);
  console.log(`engine: ${millions(engineRate)}  casl: ${millions(caslRate)}  ratio: ${(engineRate / caslRate).toFixed(1)}x`);

  console.log(`resolvePermissions (µs): first call ${coldResolveMicros.toFixed(1)} (cold, includes JIT)`);
  const roles: [string, RoleDefinition][] = [
    ["Admin", adminRole],
    ["Member", memberRole],
    ["Guest", guestRole],
    ["Intern", internRole],
  ];
  for (const [name, role] of roles) {
    const first = microseconds(() => resolvePermissions(role, demoSchema), 1);
    const warm = microseconds(() => resolvePermissions(role, demoSchema), 20_000);
    console.log(`  ${name.padEnd(7)} once: ${first.toFixed(1)} µs   warm average: ${warm.toFixed(2)} µs`);
  }
  const caslBuild = microseconds(buildCaslIntern, 20_000);
  console.log(`  (casl: building the Intern ability, warm average: ${caslBuild.toFixed(2)} µs)`);

  // SPEC §17: the Intern role with three permission sets, against the Intern alone.
  const setDefinitions = [supportRole, salesRepRole, definitionFromSeed(EXPORT_FOR_AUDIT_SET)];
  const parts = (): GrantPart[] => [
    { grant: { kind: "role", id: "intern", name: "Intern" }, permissions: resolvePermissions(internRole, demoSchema) },
    ...setDefinitions.map((definition, i): GrantPart => ({ grant: { kind: "set", id: `set-${i}`, name: `Set ${i}` }, permissions: resolvePermissions(definition, demoSchema) })),
  ];
  const union = combineGrants(parts(), demoSchema);
  checksPerSecond((n) => runEngine(union, n), ENGINE_ITERATIONS);
  const alone: number[] = [];
  const withSets: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    alone.push(checksPerSecond((n) => runEngine(engine, n), ENGINE_ITERATIONS));
    withSets.push(checksPerSecond((n) => runEngine(union, n), ENGINE_ITERATIONS));
  }
  console.log(`role + 3 sets: checks ${millions(median(withSets))} vs role alone ${millions(median(alone))}: ${(median(alone) / median(withSets)).toFixed(2)}x the cost per check`);
  // What a request pays once the grants are cached (lib/access/grants.ts: a key of every grant's version, one Map lookup).
  const cache = new Map<string, EffectivePermissions>([["intern:3:1", engine], ["intern:3:1:set-0:1:set-1:1:set-2:1", union]]);
  const lookup = (key: string[]) => cache.get(key.join(":"));
  const cachedAlone = microseconds(() => lookup(["intern", "3", "1"]), 2_000_000);
  const cachedSets = microseconds(() => lookup(["intern", "3", "1", "set-0", "1", "set-1", "1", "set-2", "1"]), 2_000_000);
  console.log(`  resolving a principal from the cache: role + 3 sets ${(cachedSets * 1000).toFixed(0)} ns vs role alone ${(cachedAlone * 1000).toFixed(0)} ns (${(cachedSets / cachedAlone).toFixed(2)}x)`);
  const coldAlone = microseconds(() => resolvePermissions(internRole, demoSchema), 5_000);
  const coldSets = microseconds(() => combineGrants(parts(), demoSchema), 5_000);
  console.log(`  after a change (cache miss): resolving role + 3 sets and combining them ${coldSets.toFixed(1)} µs vs the role alone ${coldAlone.toFixed(1)} µs`);

  console.log(`sink: ${sink}`);
}

main();
