/**
 * The REST API on the production server (SPEC §9): key-less health, 401s, and the guide's
 * Intern scenario end to end. Creates its own record, so it leaves the seeded ones untouched.
 */
import { test, expect } from "@playwright/test";

const INTERN = { authorization: "Bearer demo-intern-key" };
const DEFAULT = { authorization: "Bearer demo-default-key" };

test("GET /api/health answers ok without a key", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("an unknown API path answers a JSON 404, not a web page", async ({ request }) => {
  const response = await request.get("/api/rest-v2/people", { headers: INTERN });
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
});

test("a missing, malformed or unknown key gets 401 with a JSON error", async ({ request }) => {
  const attempts: Record<string, string>[] = [{}, { authorization: "demo-intern-key" }, { authorization: "Bearer not-a-real-key" }];
  for (const headers of attempts) {
    const response = await request.get("/api/rest/people", { headers });
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  }
});

test("the Intern key: no Opportunities, People without Address, Email read-only, Companies read-only", async ({ request }) => {
  const opportunities = await request.get("/api/rest/opportunities", { headers: INTERN });
  expect(opportunities.status()).toBe(403);
  const refusal = await opportunities.json();
  expect(refusal.error.code).toBe("FORBIDDEN");
  expect(refusal.error.message).toContain("opportunities");

  const people = await request.get("/api/rest/people?limit=20", { headers: INTERN });
  expect(people.status()).toBe(200);
  const page = await people.json();
  expect(page.data).toHaveLength(20);
  expect(page.pageInfo.hasNextPage).toBe(true);
  for (const person of page.data) {
    expect(person).toHaveProperty("email");
    expect(person).not.toHaveProperty("address");
  }

  const created = await request.post("/api/rest/people", { headers: INTERN, data: { name: "E2E Intern Contact", city: "Osaka" } });
  expect(created.status()).toBe(201);
  const { data: person } = await created.json();
  expect(person).not.toHaveProperty("address");

  const edited = await request.patch(`/api/rest/people/${person.id}`, { headers: INTERN, data: { jobTitle: "Buyer" } });
  expect(edited.status()).toBe(200);
  expect((await edited.json()).data.jobTitle).toBe("Buyer");

  const email = await request.patch(`/api/rest/people/${person.id}`, { headers: INTERN, data: { email: "someone@example.com" } });
  expect(email.status()).toBe(403);
  expect((await email.json()).error).toMatchObject({ code: "FORBIDDEN", field: "email" });

  const address = await request.patch(`/api/rest/people/${person.id}`, { headers: INTERN, data: { address: "1 Main Street" } });
  expect(address.status()).toBe(403);
  expect((await address.json()).error).toMatchObject({ code: "FORBIDDEN", field: "address" });

  const sortOnAddress = await request.get("/api/rest/people?orderBy=address", { headers: INTERN });
  expect(sortOnAddress.status()).toBe(403);

  expect((await request.get("/api/rest/companies?limit=1", { headers: INTERN })).status()).toBe(200);
  expect((await request.post("/api/rest/companies", { headers: INTERN, data: { name: "Intern Co" } })).status()).toBe(403);

  // Clean up with a key that may delete (the Intern may not), so reruns start from the same state.
  expect((await request.delete(`/api/rest/people/${person.id}`, { headers: DEFAULT })).status()).toBe(200);
});

test("the permission API explains the Intern's Address rule", async ({ request }) => {
  const response = await request.get("/api/rest/me/check?action=see&object=people&field=address", { headers: INTERN });
  expect(response.status()).toBe(200);
  expect((await response.json()).data).toMatchObject({ allowed: false, source: "fieldRule" });
});

test("GET /api/openapi.json serves an OpenAPI 3.1 document", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.paths).toHaveProperty(["/api/rest/people"]);
});
