import { afterEach, describe, expect, it, vi } from "vitest";
import { isAllowedOrigin } from "./origin";

const request = (origin?: string) => ({ headers: new Headers(origin === undefined ? {} : { origin }) });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("isAllowedOrigin (MCP over HTTP, DNS rebinding)", () => {
  it("lets through clients that send no Origin (agents are not browsers)", () => {
    expect(isAllowedOrigin(request())).toBe(true);
  });

  it("with APP_URL, accepts only its origin", () => {
    vi.stubEnv("APP_URL", "https://crm.example.com");
    expect(isAllowedOrigin(request("https://crm.example.com"))).toBe(true);
    expect(isAllowedOrigin(request("https://evil.example"))).toBe(false);
    expect(isAllowedOrigin(request("http://crm.example.com"))).toBe(false);
    expect(isAllowedOrigin(request("http://localhost:3000"))).toBe(false);
  });

  it("without APP_URL, accepts loopback origins only: a rebound name is another site", () => {
    vi.stubEnv("APP_URL", "");
    expect(isAllowedOrigin(request("http://localhost:3000"))).toBe(true);
    expect(isAllowedOrigin(request("http://127.0.0.1:3100"))).toBe(true);
    expect(isAllowedOrigin(request("http://[::1]:3000"))).toBe(true);
    expect(isAllowedOrigin(request("http://rebind.evil.example:3000"))).toBe(false);
    expect(isAllowedOrigin(request("null"))).toBe(false);
    expect(isAllowedOrigin(request("file://"))).toBe(false);
  });
});
