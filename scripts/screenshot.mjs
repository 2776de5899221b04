#!/usr/bin/env node
/**
 * Screenshots pages as a signed-in demo user, to look at the UI as a user would:
 *   node scripts/screenshot.mjs [--as admin@acme.dev] [--locale fr] /settings/roles /settings/my-role
 * Writes PNGs to /tmp/rolecall-shots. Needs a running server (BASE_URL, default http://localhost:3000).
 */
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const [value] = args.splice(index, 2).slice(1);
  return value;
};
const email = option("as", "admin@acme.dev");
const locale = option("locale", "en");
const width = Number(option("width", "1280"));
const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = "/tmp/rolecall-shots";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
const page = await context.newPage();
if (email !== "none") {
  await page.goto(`${base}/sign-in`);
  // Ids rather than labels: this script signs in whatever the interface language.
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("rolecall-demo");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
for (const path of args.length ? args : ["/settings/roles"]) {
  await page.goto(`${base}${path}`);
  // Lists load their rows after the page (react-query): wait until the network settles, not just for "load".
  await page.waitForLoadState("networkidle");
  const file = `${out}/${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${locale}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
