import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";

/**
 * Webhooks in the browser (docs/reference.md §20): added under Settings → API keys → Webhooks with a URL and
 * events, the secret shown once; a role saved in the editor reaches a receiver started here,
 * signed with that secret, and the delivery is listed under the webhook.
 */
test("a webhook added in Settings receives a signed role.updated and lists the delivery", async ({ page, workspace }) => {
  const received: { signature: string; body: string }[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ signature: String(req.headers["rolecall-signature"] ?? ""), body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rolecall`;
  try {
    await page.goto("/settings/api-keys");
    const section = page.getByRole("region", { name: "Webhooks" });
    await expect(section.getByText("No webhooks.")).toBeVisible();
    await section.getByRole("button", { name: "+ Add webhook" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Add webhook" }).click();
    await expect(dialog.getByText("Choose at least one event.")).toBeVisible();
    await dialog.getByLabel("URL").fill(url);
    await dialog.getByRole("checkbox", { name: "role.*" }).check();
    await dialog.getByRole("button", { name: "Add webhook" }).click();
    const secret = await dialog.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(section.getByText(url)).toBeVisible();
    // Shown once: the page never carries it again.
    expect(await page.content()).not.toContain(secret);

    await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Description").fill("Told to the webhook");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Role saved")).toBeVisible();

    // The server's delivery loop sends it within a few seconds.
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [delivery] = received;
    expect(delivery.signature).toBe(`sha256=${createHmac("sha256", secret).update(delivery.body).digest("hex")}`);
    expect(JSON.parse(delivery.body)).toMatchObject({ event: "role.updated", target: { type: "role", label: "Guest" }, data: { after: { description: "Told to the webhook" } } });

    await page.goto("/settings/api-keys");
    const log = page.getByRole("table", { name: `Deliveries of ${url}` });
    await expect(log.getByRole("row", { name: /role\.updated.*Delivered/ })).toBeVisible();
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
