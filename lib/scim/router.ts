/**
 * The SCIM 2.0 door (docs/reference.md §20, RFC 7644): `/scim/v2/Users`, `/scim/v2/Groups` and the discovery
 * documents, a Hono sub-app mounted by lib/api/router.ts (served by server.ts, and by the Next
 * route app/scim/v2/[...path] under `next dev`). `Authorization: Bearer <SCIM token>`; every
 * request acts as the token's creator (lib/scim/tokens.ts); errors are RFC 7644 error bodies.
 */
import { Hono, type Context } from "hono";
import type { ApiDeps } from "@/lib/api/context";
import type { Principal } from "@/lib/access/principal";
import { ScimError, SCIM_CONTENT_TYPE, scimErrorBody } from "./resources";
import { scimActorForToken } from "./tokens";
import { requestClientAddress } from "@/lib/auth/client-address";
import { assertAddressNotThrottled, countFailedLookup } from "@/lib/auth/throttle";
import { isDomainError } from "@/lib/errors";
import * as scim from "./service";

export const SCIM_BASE_PATH = "/scim/v2";
const BEARER = /^Bearer\s+(\S+)$/i;
const MAX_BODY_BYTES = 1_000_000;

function scimJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": SCIM_CONTENT_TYPE } });
}

function scimError(error: unknown): Response {
  const scimErr = scim.scimErrorOf(error);
  if (scimErr.status === 500) console.error("SCIM:", error);
  const response = scimJson(scimErrorBody(scimErr.status, scimErr.detail, scimErr.scimType), scimErr.status);
  if (scimErr.status === 401) response.headers.set("www-authenticate", 'Bearer realm="Rolecall SCIM"');
  return response;
}

/** Resource locations: APP_URL when set (behind a proxy), else the request's own origin. */
function baseUrl(request: Request): string {
  const origin = process.env.APP_URL ? new URL(process.env.APP_URL).origin : new URL(request.url).origin;
  return `${origin}${SCIM_BASE_PATH}`;
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ScimError(413, "Request too large");
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError(400, "The body is not JSON", "invalidSyntax");
  }
}

export function createScimRouter(deps: () => ApiDeps): Hono<{ Variables: { actor: Principal } }> {
  const app = new Hono<{ Variables: { actor: Principal } }>();

  app.use(async (c, next) => {
    const secret = BEARER.exec(c.req.header("authorization") ?? "")?.[1];
    if (!secret) return scimError(new ScimError(401, "A valid SCIM token is required: Authorization: Bearer <token>"));
    // Failed lookups count against the address, as API keys' and agent tokens' do (docs/reference.md §16).
    const address = requestClientAddress(c.req.raw.headers);
    let actor: Principal | null;
    try {
      assertAddressNotThrottled(address, deps().now());
      actor = await scimActorForToken(deps().db, secret, deps().now());
      if (!actor) await countFailedLookup(deps().db, address, deps().now());
    } catch (error) {
      if (isDomainError(error) && error.code === "ADDRESS_THROTTLED") return scimError(new ScimError(429, "Too many failed attempts from this address"));
      throw error;
    }
    if (!actor) return scimError(new ScimError(401, "A valid SCIM token is required: Authorization: Bearer <token>"));
    c.set("actor", actor);
    await next();
  });

  type C = Context<{ Variables: { actor: Principal } }>;
  const handle = (work: (c: C, actor: Principal, base: string) => Promise<Response>) => async (c: C) => {
    try {
      return await work(c, c.get("actor"), baseUrl(c.req.raw));
    } catch (error) {
      return scimError(error);
    }
  };
  const query = (c: C) => new URL(c.req.url).searchParams;
  const id = (c: C) => c.req.param("id") ?? "";
  const db = () => deps().db;

  app.get("/ServiceProviderConfig", handle(async () =>
    scimJson({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [{ type: "oauthbearertoken", name: "Bearer token", description: "A SCIM token created in Settings → Security" }],
    }),
  ));

  app.get("/Users", handle(async (c, actor, base) => scimJson(await scim.listUsers(db(), actor, query(c), base))));
  app.post("/Users", handle(async (c, actor, base) => scimJson(await scim.createUser(db(), actor, await readBody(c.req.raw), base), 201)));
  app.get("/Users/:id", handle(async (c, actor, base) => scimJson(await scim.getUser(db(), actor, id(c), base))));
  app.put("/Users/:id", handle(async (c, actor, base) => scimJson(await scim.replaceUser(db(), actor, id(c), await readBody(c.req.raw), base))));
  app.patch("/Users/:id", handle(async (c, actor, base) => scimJson(await scim.patchUser(db(), actor, id(c), await readBody(c.req.raw), base))));
  app.delete("/Users/:id", handle(async (c, actor) => {
    await scim.deleteUser(db(), actor, id(c));
    return new Response(null, { status: 204 });
  }));

  app.get("/Groups", handle(async (c, actor, base) => scimJson(await scim.listGroups(db(), actor, query(c), base))));
  app.post("/Groups", handle(async (c, actor, base) => scimJson(await scim.createGroup(db(), actor, await readBody(c.req.raw), base), 201)));
  app.get("/Groups/:id", handle(async (c, actor, base) => scimJson(await scim.getGroup(db(), actor, id(c), base))));
  app.put("/Groups/:id", handle(async (c, actor, base) => scimJson(await scim.replaceGroup(db(), actor, id(c), await readBody(c.req.raw), base))));
  app.patch("/Groups/:id", handle(async (c, actor, base) => scimJson(await scim.patchGroup(db(), actor, id(c), await readBody(c.req.raw), base))));
  app.delete("/Groups/:id", handle(async (c, actor) => {
    await scim.deleteGroup(db(), actor, id(c));
    return new Response(null, { status: 204 });
  }));

  // Inside the sub-app, so a mounted router's own 404 (the REST API's) never answers a SCIM client.
  app.all("*", () => scimError(new ScimError(404, "No such SCIM endpoint")));
  app.notFound(() => scimError(new ScimError(404, "No such SCIM endpoint")));
  app.onError((error) => scimError(error));
  return app;
}
