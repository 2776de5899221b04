import { describe, expect, it } from "vitest";
import { canAssignRole } from "./assign";
import { assignableTo } from "./model";
import { adminRole, internRole, memberRole } from "./fixtures";

describe("canAssignRole", () => {
  it("Admin: members and API keys, never agents", () => {
    expect(canAssignRole(adminRole, "member")).toBe(true);
    expect(canAssignRole(adminRole, "apiKey")).toBe(true);
    expect(canAssignRole(adminRole, "agent")).toBe(false);
  });

  it("Admin is refused to agents even if stored as assignable, or with no setting", () => {
    expect(canAssignRole({ isAdmin: true, ...assignableTo("member", "apiKey", "agent") }, "agent")).toBe(false);
    expect(canAssignRole({ isAdmin: true }, "agent")).toBe(false);
    expect(canAssignRole({ isAdmin: true }, "member")).toBe(true);
  });

  it("other roles follow assignableTo", () => {
    expect(canAssignRole(internRole, "agent")).toBe(true);
    expect(canAssignRole(memberRole, "apiKey")).toBe(true);
    const membersOnly = { isAdmin: false, ...assignableTo("member") };
    expect(canAssignRole(membersOnly, "member")).toBe(true);
    expect(canAssignRole(membersOnly, "apiKey")).toBe(false);
    expect(canAssignRole(membersOnly, "agent")).toBe(false);
  });

  it("a role without assignable switches is assignable to every kind", () => {
    expect(canAssignRole({ isAdmin: false }, "agent")).toBe(true);
  });
});
