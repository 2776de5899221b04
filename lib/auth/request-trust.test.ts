import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress } from "./throttle";
import { secureCookies } from "./session-config";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("clientAddress", () => {
  it("takes the first x-forwarded-for entry only behind a trusted proxy", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    expect(clientAddress("203.0.113.7, 10.0.0.2")).toBe("203.0.113.7");
  });

  it("otherwise takes the entry closest to the server, which Next fills with the socket's address", () => {
    vi.stubEnv("TRUST_PROXY", "");
    expect(clientAddress("203.0.113.7, 10.0.0.2")).toBe("10.0.0.2");
    expect(clientAddress("::1")).toBe("::1");
  });

  it("falls back to one constant when the address is unknown", () => {
    expect(clientAddress(null)).toBe("unknown");
    expect(clientAddress(" , ")).toBe("unknown");
  });
});

describe("secureCookies", () => {
  it("is on when APP_URL is https", () => {
    vi.stubEnv("APP_URL", "https://crm.example.com");
    expect(secureCookies(null)).toBe(true);
  });

  it("follows x-forwarded-proto only behind a trusted proxy", () => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("TRUST_PROXY", "");
    expect(secureCookies("https")).toBe(false);
    vi.stubEnv("TRUST_PROXY", "1");
    expect(secureCookies("https")).toBe(true);
    expect(secureCookies("http")).toBe(false);
    expect(secureCookies(null)).toBe(false);
  });
});
