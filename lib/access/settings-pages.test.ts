import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SETTINGS_NAVIGATION, SETTINGS_PAGES, settingsPageOf } from "./settings-pages";

/** Every page.tsx under app/settings, as its route (`app/settings/roles/[roleId]/page.tsx` → `/settings/roles/[roleId]`). */
function settingsPageFiles(): { file: string; route: string }[] {
  const root = path.join(process.cwd(), "app", "settings");
  const found: { file: string; route: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx") found.push({ file: full, route: `/${path.relative(path.join(process.cwd(), "app"), dir).split(path.sep).join("/")}` });
    }
  };
  walk(root);
  return found;
}

describe("the settings-pages table", () => {
  const pages = settingsPageFiles();

  it("finds the settings pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(SETTINGS_PAGES.length);
  });

  it.each(pages.map((page) => [page.route, page.file]))("has an entry for %s, and the page guards itself with it", (route, file) => {
    expect(settingsPageOf(route), `add ${route} (or a parent) to lib/access/settings-pages.ts`).toBeDefined();
    expect(readFileSync(file, "utf8"), `${file} should open with openSettingsPage("${route}")`).toContain(`openSettingsPage("${route}")`);
  });

  it("lists only pages that exist, and navigates to top-level pages", () => {
    const routes = new Set(pages.map((page) => page.route));
    for (const page of SETTINGS_PAGES) expect(routes.has(page.href), page.href).toBe(true);
    expect(SETTINGS_NAVIGATION.map((page) => page.href)).not.toContain("/settings/permissions");
  });

  it("covers sub-pages by their parent's permission, the longest entry first", () => {
    expect(settingsPageOf("/settings/roles/compare")?.permission).toBe("ROLES");
    expect(settingsPageOf("/settings/roles-elsewhere")).toBeUndefined();
    expect(settingsPageOf("/settings/api-keys")?.permission).toBe("API_KEYS_AND_WEBHOOKS");
  });
});
