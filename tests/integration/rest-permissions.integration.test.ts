/**
 * What a key may do, asked over REST: the resolved permissions, single checks with the deciding
 * rule, the OpenAPI document as the key's role sees it, and the key-less endpoints.
 */
import { describe, expect, it } from "vitest";
import type { ApiDeps } from "@/lib/api/context";
import { handleMyPermissions, handlePermissionCheck } from "@/lib/api/me-handlers";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { errorBodySchema, explanationSchema, myPermissionsSchema } from "@/lib/api/response-schemas";
import { handleHealth, handleOpenApiDocument } from "@/lib/api/service-handlers";
import type { ApiHandler } from "@/lib/api/route";
import { listObjects } from "@/lib/metadata/queries";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };

async function call(handler: ApiHandler<Record<string, never>>, path: string, key?: string) {
  const request = new Request(`http://localhost${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const response = await handler(deps, request, {});
  return { status: response.status, body: await response.json() };
}

describe("GET /api/rest/me/permissions", () => {
  it("gives the Intern key its role and the engine's resolved view, with sources", async () => {
    const { status, body } = await call(handleMyPermissions, "/api/rest/me/permissions", "demo-intern-key");
    expect(status).toBe(200);
    expect(myPermissionsSchema.safeParse(body).success).toBe(true); // the documented shape is the real one
    expect(body.data.principal).toEqual({ kind: "apiKey", id: expect.any(String), label: "Intern integration" });
    expect(body.data.role).toEqual({ id: expect.any(String), name: "Intern" });
    const { objects, actions, settings } = body.data.permissions;
    expect(objects.opportunity.see).toEqual({ value: false, source: "objectRule" });
    expect(objects.person.edit).toEqual({ value: true, source: "objectRule" });
    expect(objects.person.fields.email.edit).toEqual({ value: false, source: "fieldRule" });
    // A field the key cannot see is left out, name and all (SPEC §16).
    expect(objects.person.fields).not.toHaveProperty("address");
    expect(objects.person.fields.city.see).toEqual({ value: true, source: "baseline" });
    expect(objects.company.edit).toEqual({ value: false, source: "baseline" });
    expect(actions.EXPORT_CSV.value).toBe(true);
    expect(settings.ROLES.value).toBe(false);
  });

  it("gives the default key the default role (Member)", async () => {
    const { body } = await call(handleMyPermissions, "/api/rest/me/permissions", "demo-default-key");
    expect(body.data.role.name).toBe("Member");
    expect(body.data.permissions.objects.opportunity.delete.value).toBe(true);
  });

  it("answers 401 without a key", async () => {
    expect((await call(handleMyPermissions, "/api/rest/me/permissions")).status).toBe(401);
  });
});

describe("GET /api/rest/me/check", () => {
  it.each([
    ["action=see&object=people&field=address", false, "fieldRule", /person\.address/],
    ["action=edit&object=person&field=email", false, "fieldRule", /person\.email/],
    ["action=edit&object=people&field=phone", true, "objectRule", /inherits/],
    ["action=see&object=opportunities", false, "objectRule", /opportunity/],
    ["action=edit&object=companies", false, "baseline", /Baseline/],
    ["action=see&object=people&field=name", true, "fixed", /label/],
    ["action=see&object=unicorns", false, "fixed", /Unknown object/],
    ["setting=ROLES", false, "baseline", /ROLES/],
    ["action=EXPORT_CSV", true, "baseline", /EXPORT_CSV/],
    ["action=IMPORT_CSV", false, "baseline", /IMPORT_CSV/],
  ])("?%s → allowed %s (%s)", async (query, allowed, source, reason) => {
    const { status, body } = await call(handlePermissionCheck, `/api/rest/me/check?${query}`, "demo-intern-key");
    expect(status).toBe(200);
    expect(explanationSchema.safeParse(body).success).toBe(true);
    expect(body).toEqual({ data: { allowed, source, reason: expect.stringMatching(reason) } });
  });

  it.each([
    ["", "action"],
    ["action=fly", "action"],
    ["setting=NOPE", "setting"],
    ["action=see", "object"],
    ["setting=ROLES&action=see", "action"],
    ["action=EXPORT_CSV&field=email", "field"],
  ])("?%s → 422 naming %s", async (query, field) => {
    const { status, body } = await call(handlePermissionCheck, `/api/rest/me/check?${query}`, "demo-intern-key");
    expect(status).toBe(422);
    expect(errorBodySchema.safeParse(body).success).toBe(true);
    expect(body.error).toMatchObject({ code: "VALIDATION_FAILED", field });
  });
});

describe("GET /api/openapi.json", () => {
  it("without a key: an OpenAPI 3.1 document of the standard objects, with bearer auth and the error schema", async () => {
    const { status, body } = await call(handleOpenApiDocument, "/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(body.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    expect(body.components.schemas.Error.properties.error.properties.code.enum).toContain("FORBIDDEN");
    for (const path of [
      "/api/rest/people",
      "/api/rest/people/{id}",
      "/api/rest/people/{id}/restore",
      "/api/rest/people/{id}/destroy",
      "/api/rest/opportunities",
      "/api/rest/me/permissions",
      "/api/rest/me/check",
      "/api/health",
    ]) {
      expect(body.paths).toHaveProperty([path]);
    }
    expect(body.paths["/api/rest/people/{id}/destroy"]).toHaveProperty("delete");
    expect(body.paths["/api/health"].get.security).toEqual([]);
    expect(body.components.schemas.Person.properties).toHaveProperty("address");
    expect(body.components.schemas.PersonCreate.required).toEqual(["name"]);
    expect(body.components.schemas.PersonCreate.additionalProperties).toBe(false);
    expect(body.components.schemas.OpportunityCreate.properties.stage.anyOf[0].enum).toContain("PROPOSAL");
    const listParameters = body.paths["/api/rest/people"].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(listParameters).toEqual(["filter", "orderBy", "limit", "cursor", "search", "deleted"]);
  });

  it("with the Intern key: only what the Intern may see and do", async () => {
    const { status, body } = await call(handleOpenApiDocument, "/api/openapi.json", "demo-intern-key");
    expect(status).toBe(200);
    expect(Object.keys(body.paths).some((path) => path.includes("opportunities"))).toBe(false);
    expect(body.components.schemas).not.toHaveProperty("Opportunity");
    expect(body.components.schemas.Person.properties).not.toHaveProperty("address");
    expect(body.components.schemas.Person.properties).toHaveProperty("email");
    expect(body.components.schemas.PersonUpdate.properties).not.toHaveProperty("email");
    expect(body.components.schemas.PersonUpdate.properties).toHaveProperty("jobTitle");
    expect(body.paths["/api/rest/companies"]).not.toHaveProperty("post");
    expect(body.paths).not.toHaveProperty(["/api/rest/people/{id}/destroy"]);
    expect(JSON.stringify(body.components.schemas.PersonCreate)).not.toContain("address");
  });

  it("with a bad key: 401", async () => {
    expect((await call(handleOpenApiDocument, "/api/openapi.json", "nope")).status).toBe(401);
  });

  it("buildOpenApiDocument accepts ObjectMetadata rows as the data model returns them", async () => {
    const { workspace } = await loadDemo(db);
    const document = buildOpenApiDocument(await listObjects(db, workspace.id)) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain("/api/rest/tasks/{id}/restore");
  });
});

describe("GET /api/health", () => {
  it("answers ok without a key", async () => {
    expect(await call(handleHealth, "/api/health")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("is what the app route serves", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET(new Request("http://localhost/api/health"));
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("API key bookkeeping", () => {
  it("records when a key was last used, to the minute", async () => {
    const { apiKeyPrincipal } = await import("@/lib/access/principal");
    const { hashApiKeySecret } = await import("@/lib/api-keys/secret");
    const where = { secretHash: hashApiKeySecret("demo-default-key") };
    await db.apiKey.update({ where, data: { lastUsedAt: null } });
    const first = new Date("2026-11-26T10:00:00Z");
    expect((await apiKeyPrincipal(db, "demo-default-key", first)).ok).toBe(true);
    expect((await db.apiKey.findUniqueOrThrow({ where })).lastUsedAt).toEqual(first);
    await apiKeyPrincipal(db, "demo-default-key", new Date("2026-11-26T10:00:30Z"));
    expect((await db.apiKey.findUniqueOrThrow({ where })).lastUsedAt).toEqual(first);
    const later = new Date("2026-11-26T10:05:00Z");
    await apiKeyPrincipal(db, "demo-default-key", later);
    expect((await db.apiKey.findUniqueOrThrow({ where })).lastUsedAt).toEqual(later);
  });
});
