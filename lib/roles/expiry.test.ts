import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasExpired, roleHeldAt } from "./expiry";
import { PRINCIPAL_KINDS } from "@/lib/permissions";

describe("expiring assignments (SPEC §13)", () => {
  it("before Until the role applies; at and after it the default applies (a key or agent: no role)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRINCIPAL_KINDS), fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (kind, until, offset) => {
        const now = new Date(until + offset);
        const held = roleHeldAt(kind, { roleId: "granted", roleExpiresAt: new Date(until) }, "default", now);
        if (offset < 0) expect(held).toBe("granted");
        else expect(held).toBe(kind === "member" ? "default" : null);
      }),
    );
  });

  it("holds for good without Until, and reads stored instants of every shape", () => {
    const now = new Date("2026-11-28T12:00:00Z");
    expect(roleHeldAt("member", { roleId: "granted", roleExpiresAt: null }, "default", now)).toBe("granted");
    expect(hasExpired("2026-11-28T12:00:00.000Z", now)).toBe(true);
    expect(hasExpired(now.getTime() + 1, now)).toBe(false);
  });
});
