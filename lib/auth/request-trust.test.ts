import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress } from "./client-address";
import { secureCookies } from "./session-config";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("clientAddress", () => {
  it("is the socket's address without a trusted proxy, whatever X-Forwarded-For says", () => {
    vi.stubEnv("TRUST_PROXY", "");
    expect(clientAddress("10.0.0.2", "203.0.113.7")).toBe("10.0.0.2");
    expect(clientAddress("::1", "203.0.113.7, 198.51.100.1")).toBe("::1");
    expect(clientAddress("10.0.0.2", null)).toBe("10.0.0.2");
  });

  it("reads X-Forwarded-For from the right, skipping TRUST_PROXY hops", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    // client → our proxy (appends the client's address) → app: the socket is the proxy.
    expect(clientAddress("10.0.0.1", "203.0.113.7")).toBe("203.0.113.7");
    // A made-up entry sent by the client stands to the left of what our proxy appended.
    expect(clientAddress("10.0.0.1", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    vi.stubEnv("TRUST_PROXY", "2");
    expect(clientAddress("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.9")).toBe("203.0.113.7");
  });

  it("never reads beyond the chain: fewer entries than hops gives the leftmost one", () => {
    vi.stubEnv("TRUST_PROXY", "3");
    expect(clientAddress("10.0.0.1", "203.0.113.7")).toBe("203.0.113.7");
  });

  it("treats an unknown socket as one address, and a TRUST_PROXY that is not a count as none", () => {
    vi.stubEnv("TRUST_PROXY", "yes");
    expect(clientAddress(null, "203.0.113.7")).toBe("unknown");
    expect(clientAddress(" ", null)).toBe("unknown");
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
