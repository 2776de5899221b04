/**
 * Keyset pages over the expression indexes (lib/records/sql.ts, indexes.ts): walking every page
 * gives each record exactly once, in the order of one big page — with empty values (NULL first
 * ascending, last descending) and ties on the value broken by creation date, then id. And search
 * folds case beyond ASCII.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { listRecords } from "@/lib/records";
import { useDemoDatabase } from "./db";

const db = useDemoDatabase();
let admin: Principal;

beforeAll(async () => {
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } });
  admin = (await memberPrincipal(db, member.id))!;
  // Empty values on a sorted field, so pages cross from NULLs to values (or back).
  const people = await db.record.findMany({ where: { object: { nameSingular: "person", workspaceId: admin.workspaceId } }, take: 9, orderBy: { id: "asc" } });
  for (const person of people) {
    const data = JSON.parse(person.data) as Record<string, unknown>;
    delete data.jobTitle;
    if (person === people[0]) data.name = "Élodie Ünal";
    await db.record.update({ where: { id: person.id }, data: { data: JSON.stringify(data) } });
  }
});

async function walk(orderBy: { field: string; direction: "asc" | "desc" }, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const page = await listRecords(db, admin, "people", { orderBy, limit, cursor });
    ids.push(...page.records.map((record) => String(record.id)));
    if (!page.pageInfo.hasNextPage) return ids;
    cursor = page.pageInfo.endCursor;
  }
  throw new Error("no last page");
}

describe("keyset pages", () => {
  for (const field of ["jobTitle", "city", "name", "createdAt", "updatedAt"]) {
    for (const direction of ["asc", "desc"] as const) {
      it(`${field} ${direction}: every record once, in the one-page order`, async () => {
        const all = await walk({ field, direction }, 200);
        const paged = await walk({ field, direction }, 7);
        expect(new Set(paged).size).toBe(paged.length);
        expect(paged).toEqual(all);
      });
    }
  }

  it("empty values come first ascending, last descending; ties by creation date then id", async () => {
    const page = await listRecords(db, admin, "people", { orderBy: { field: "jobTitle", direction: "asc" }, limit: 200 });
    const titles = page.records.map((record) => record.jobTitle);
    expect(titles.slice(0, 9)).toEqual(Array(9).fill(null));
    const keys = page.records.map((record) => [record.jobTitle ?? "", String(record.createdAt), String(record.id)].join("\u0000"));
    expect(keys).toEqual([...keys].sort());
    const descending = await walk({ field: "jobTitle", direction: "desc" }, 50);
    expect(descending.slice(-9)).toEqual(page.records.slice(0, 9).map((record) => String(record.id)).reverse());
  });

  it("search folds case beyond ASCII", async () => {
    for (const search of ["élodie ünal", "ÉLODIE", "ünal"]) {
      const page = await listRecords(db, admin, "people", { search });
      expect(page.records.map((record) => record.name)).toEqual(["Élodie Ünal"]);
    }
    const filtered = await listRecords(db, admin, "people", { filter: [{ field: "name", op: "like", value: "ÉLOD" }] });
    expect(filtered.records.map((record) => record.name)).toEqual(["Élodie Ünal"]);
  });
});
