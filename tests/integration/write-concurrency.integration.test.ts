/**
 * SPEC §21, writes that scale out: two clients on one database (two connection pools, as two
 * instances have) write at the same moment. On PostgreSQL no global lock serialises them: a
 * record write waits only for writes of the same record, and an administrative change only for
 * the workspace's administration; the invariants still hold (no lost update on one record, a
 * role's optimistic version, a lasting Admin).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyPrincipal, memberPrincipal, type Principal } from "@/lib/access/principal";
import { createPrismaClient } from "@/lib/db/prisma";
import { lockRows } from "@/lib/db/locks";
import { getRecord, updateRecord } from "@/lib/records";
import { assignRole } from "@/lib/roles/assignment";
import { updateRole } from "@/lib/roles/save";
import { loadRoleDefinition } from "@/lib/roles/store";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { databaseUrl, loadDemo, onPostgres, useDemoDatabase, type TestDb } from "./db";

const db = useDemoDatabase();
let other: TestDb;
let workspaceId = "";
let intern: Principal;
let people: string[] = [];

async function keyPrincipal(client: TestDb, secret: string) {
  const result = await apiKeyPrincipal(client, secret);
  if (!result.ok) throw new Error(`key refused: ${result.reason}`);
  return result.principal;
}

/** A promise and the function that settles it: holds a transaction open until the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Resolves to "done" if `promise` settles within `ms`, "waiting" otherwise (it keeps running). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<"done" | "waiting"> {
  const timer = new Promise<"waiting">((resolve) => setTimeout(() => resolve("waiting"), ms));
  return Promise.race([promise.then(() => "done" as const), timer]);
}

beforeAll(async () => {
  other = createPrismaClient(databaseUrl(db));
  const demo = await loadDemo(db);
  workspaceId = demo.workspace.id;
  intern = await keyPrincipal(db, "demo-intern-key");
  const person = await db.objectMetadata.findFirstOrThrow({ where: { workspaceId, nameSingular: "person" } });
  people = (await db.record.findMany({ where: { objectMetadataId: person.id, deletedAt: null }, orderBy: { createdAt: "asc" }, take: 3, select: { id: true } })).map((row) => row.id);
});

afterAll(() => other?.$disconnect());

describe.skipIf(!onPostgres)("PostgreSQL: writes that do not concern each other do not wait for each other", () => {
  it("patches a record while another client's transaction holds a patch of a different record open", async () => {
    const held = gate();
    const first = db.$transaction(async (tx) => {
      await updateRecord(tx, intern, "people", people[0], { city: "Held open" });
      await held.opened;
    });
    // The first transaction holds its record's row; a patch of another record does not wait for it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = other.$transaction((tx) => updateRecord(tx, intern, "people", people[1], { city: "Beside it" }));
    expect(await settlesWithin(second, 10_000)).toBe("done");
    held.open();
    await first;
    expect((await getRecord(db, intern, "people", people[0])).city).toBe("Held open");
    expect((await getRecord(db, intern, "people", people[1])).city).toBe("Beside it");
  });

  it("waits for a transaction that holds the same record, then applies on top of it", async () => {
    const held = gate();
    const first = db.$transaction(async (tx) => {
      await updateRecord(tx, intern, "people", people[2], { city: "First" });
      await held.opened;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = other.$transaction((tx) => updateRecord(tx, intern, "people", people[2], { jobTitle: "Second" }));
    expect(await settlesWithin(second, 500)).toBe("waiting");
    held.open();
    await Promise.all([first, second]);
    expect(await getRecord(db, intern, "people", people[2])).toMatchObject({ city: "First", jobTitle: "Second" });
  });

  it("patches records while an administrative change holds the workspace's administration lock", async () => {
    const held = gate();
    const admin = db.$transaction(async (tx) => {
      await lockAdministration(tx, workspaceId);
      await held.opened;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const write = other.$transaction((tx) => updateRecord(tx, intern, "people", people[1], { city: "Not held" }));
    expect(await settlesWithin(write, 10_000)).toBe("done");
    // While another administrative change in the same workspace waits its turn.
    const secondAdmin = other.$transaction((tx) => lockAdministration(tx, workspaceId));
    expect(await settlesWithin(secondAdmin, 500)).toBe("waiting");
    held.open();
    await Promise.all([admin, secondAdmin]);
  });

  it("runs a transaction again when PostgreSQL aborts it to break a deadlock", async () => {
    const { roleId } = await loadDemo(db);
    const [a, b] = [roleId("Guest"), roleId("Member")];
    let attempts = 0;
    const both = gate();
    let ready = 0;
    const lockInOrder = (client: TestDb, first: string, second: string) =>
      client.$transaction(async (tx) => {
        attempts++;
        await lockRows(tx, "Role", [first]);
        if (++ready === 2) both.open();
        await both.opened;
        await lockRows(tx, "Role", [second]);
      });
    // Each holds one row and asks for the other's: PostgreSQL aborts one, which then runs again.
    await Promise.all([lockInOrder(db, a, b), lockInOrder(other, b, a)]);
    expect(attempts).toBe(3);
  });
});

// Two clients in one process cannot write SQLite at once (its lock wait blocks the event loop the
// other transaction needs); two-instances.integration.test.ts runs the same races through two
// server processes on both databases.
describe.skipIf(!onPostgres)("PostgreSQL: the invariants hold with two clients writing at once", () => {
  it("loses no update when two clients patch different fields of one record at the same moment", async () => {
    const id = people[0];
    const rounds = 8;
    await Promise.all(
      [db, other].map(async (client, side) => {
        const principal = await keyPrincipal(client, "demo-intern-key");
        for (let i = 0; i < rounds; i++) {
          const patch = side === 0 ? { city: `City ${i}` } : { jobTitle: `Title ${i}` };
          await client.$transaction((tx) => updateRecord(tx, principal, "people", id, patch));
        }
      }),
    );
    expect(await getRecord(db, intern, "people", id)).toMatchObject({ city: `City ${rounds - 1}`, jobTitle: `Title ${rounds - 1}` });
    // Every patch is in the audit log: none was silently overwritten.
    expect(await db.auditLog.count({ where: { workspaceId, action: "record.updated", targetId: id, createdAt: { gt: new Date(Date.now() - 60_000) } } })).toBeGreaterThanOrEqual(2 * rounds);
  });

  it("accepts one of two saves of the same role version and refuses the other", async () => {
    const { roleId } = await loadDemo(db);
    const guestId = roleId("Guest");
    const admins = await db.workspaceMember.findMany({ where: { workspaceId, role: { isAdmin: true } }, orderBy: { createdAt: "asc" } });
    for (let round = 0; round < 3; round++) {
      const { version, id: _id, isAdmin: _isAdmin, ...draft } = await loadRoleDefinition(db, workspaceId, guestId);
      const results = await Promise.allSettled(
        [db, other].map(async (client, side) => {
          const actor = (await memberPrincipal(client, admins[side].id))!;
          return client.$transaction((tx) => updateRole(tx, actor, guestId, version, { ...draft, description: `Round ${round}, side ${side}` }));
        }),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "VERSION_CONFLICT" });
      expect((await db.role.findUniqueOrThrow({ where: { id: guestId } })).version).toBe(version + 1);
    }
  });

  it("keeps a lasting Admin when both Admins are demoted by each other at the same moment", async () => {
    const { roleId } = await loadDemo(db);
    const adminRoleId = roleId("Admin");
    const admins = await db.workspaceMember.findMany({ where: { workspaceId, roleId: adminRoleId }, orderBy: { createdAt: "asc" } });
    expect(admins).toHaveLength(2);
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(
        [db, other].map(async (client, side) => {
          const actor = (await memberPrincipal(client, admins[side].id))!;
          return client.$transaction((tx) => assignRole(tx, actor, roleId("Member"), { kind: "member", id: admins[1 - side].id }));
        }),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(await db.workspaceMember.count({ where: { workspaceId, roleId: adminRoleId, roleExpiresAt: null } })).toBe(1);
      await db.workspaceMember.updateMany({ where: { id: { in: admins.map((member) => member.id) } }, data: { roleId: adminRoleId } });
    }
  });
});
