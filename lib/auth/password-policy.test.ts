import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy";

const context = { email: "grace.hopper@globex.example", name: "Grace Hopper", field: "password" };

describe("checkNewPassword", () => {
  it.each(["a long admin passphrase", "correct horse battery", "tara's own passphrase", "Zq7!vP2#rL9x"])("accepts %j", (password) => {
    expect(() => checkNewPassword(password, context)).not.toThrow();
  });

  it("refuses fewer than 12 characters, with the minimum as a parameter", () => {
    expect(() => checkNewPassword("Zq7!vP2#rL9", context)).toThrow(expect.objectContaining({ code: "PASSWORD_TOO_SHORT", details: { field: "password", params: { min: 12 } } }));
  });

  it.each(["aaaaaaaaaaaaaaaa", "password1234", "qwertyuiop123", "123456789012", "grace.hopper@globex.example", "GraceHopper2026!", "hopper hopper hopper"])("refuses %j as too easy to guess", (password) => {
    expect(() => checkNewPassword(password, context)).toThrow(expect.objectContaining({ code: "PASSWORD_TOO_WEAK", details: { field: "password" } }));
  });
});
