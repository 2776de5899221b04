/**
 * scripts/mcp-server.ts as an MCP client runs it: a child process speaking JSON-RPC over stdio,
 * spawned by the SDK's StdioClientTransport against a private copy of the demo database.
 */
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, expect, inject, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dbFile = path.join(inject("testDbDir"), `mcp-stdio-${randomUUID()}.db`);
copyFileSync(path.join(inject("testDbDir"), "template.db"), dbFile);
afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
});

it("serves the Sales assistant's tools over stdio", async () => {
  const stderr: string[] = [];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["--import", "tsx", "scripts/mcp-server.ts", "--agent", "Sales assistant"],
    cwd: projectRoot,
    env: { ...getDefaultEnvironment(), DATABASE_URL: `file:${dbFile}` },
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const client = new Client({ name: "rolecall-stdio-test", version: "1.0.0" });
  try {
    await client.connect(transport);
    expect(client.getServerVersion()).toMatchObject({ name: "rolecall" });

    const result = await client.callTool({ name: "list_objects", arguments: {} });
    expect(result.isError).toBeFalsy();
    const body = JSON.parse((result.content as { type: string; text: string }[])[0].text);
    expect(body.actingAs).toEqual({ agent: "Sales assistant", role: "Member" });
    expect(body.objects.map((object: { name: string }) => object.name)).toEqual(["people", "companies", "opportunities", "notes", "tasks"]);

    const refused = await client.callTool({ name: "find_records", arguments: { object: "secrets" } });
    expect(refused.isError).toBe(true);
    expect(JSON.parse((refused.content as { text: string }[])[0].text).error).toMatchObject({ code: "FORBIDDEN", object: "secrets" });
  } finally {
    await client.close();
  }
  // Logs go to stderr, never into the protocol stream on stdout.
  expect(stderr.join("")).toContain('serving agent "Sales assistant"');
}, 20_000);
