/**
 * Property (issue 11): a write never moves a record outside the writer's record-level rule. Sam
 * (Sales rep: Opportunities whose Owner is Me) sends random patches to random opportunities, his
 * and others'; after each, every opportunity he owned is still his unless a write he made was
 * accepted, and an accepted write always leaves the record inside his rule.
 */
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { loadDemo, useDemoDatabase } from "./db";
import { DomainError } from "@/lib/errors";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { updateRecord } from "@/lib/records";

const db = useDemoDatabase();
let sam: Principal;
let others: string[];

beforeAll(async () => {
  const { workspace } = await loadDemo(db);
  const members = await db.workspaceMember.findMany({ where: { workspaceId: workspace.id }, include: { user: true } });
  const samRow = members.find((member) => member.user.email === "sam@acme.dev")!;
  sam = (await memberPrincipal(db, samRow.id))!;
  others = members.filter((member) => member.id !== samRow.id).map((member) => member.id);
});

const ownerOf = async (id: string) => (JSON.parse((await db.record.findUniqueOrThrow({ where: { id } })).data) as { ownerId?: string | null }).ownerId ?? null;

it("no accepted write leaves Sam's rule, and no refused write changes anything", async () => {
  const opportunities = await db.record.findMany({ where: { object: { nameSingular: "opportunity" }, deletedAt: null }, orderBy: { id: "asc" } });
  const patch = fc.record(
    {
      ownerId: fc.oneof(fc.constant(sam.id), fc.constantFrom(...others), fc.constant(null)),
      stage: fc.constantFrom("NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"),
      amount: fc.integer({ min: 0, max: 1_000_000 }),
    },
    { requiredKeys: [] },
  );
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: opportunities.length - 1 }), patch, async (index, values) => {
      const target = opportunities[index];
      const before = await db.record.findUniqueOrThrow({ where: { id: target.id } });
      try {
        await updateRecord(db, sam, "opportunities", target.id, values);
        accepted++;
        expect(await ownerOf(target.id)).toBe(sam.id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        expect((await db.record.findUniqueOrThrow({ where: { id: target.id } })).data).toBe(before.data);
      }
    }),
    { numRuns: 150 },
  );
  expect(accepted).toBeGreaterThan(0);
}, 120_000);
