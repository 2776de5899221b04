/**
 * The five catalogs say the same things: every key of the English catalog is in French, Italian,
 * Romanian and Japanese, and none has a key English lacks — except the short list below of keys
 * that stay English on purpose. A missing translation would fall back to English silently
 * (lib/i18n/messages.ts); this test makes it a decision.
 */
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import it_ from "@/messages/it.json";
import ja from "@/messages/ja.json";
import ro from "@/messages/ro.json";

type Tree = { [key: string]: string | Tree };

/** Key prefixes that stay English, per language, and why. */
const STAY_ENGLISH: Record<string, readonly { prefix: string; why: string }[]> = {
  fr: [{ prefix: "apiErrors.", why: "REST and MCP answer in English (lib/api/error-messages.ts reads only the English catalog)" }],
  it: [
    { prefix: "apiErrors.", why: "REST and MCP answer in English" },
    { prefix: "metadata.", why: "the Italian guide keeps the standard objects' and fields' English names" },
  ],
  ro: [
    { prefix: "apiErrors.", why: "REST and MCP answer in English" },
    { prefix: "metadata.", why: "the Romanian guide keeps the standard objects' and fields' English names" },
  ],
  ja: [
    { prefix: "apiErrors.", why: "REST and MCP answer in English" },
    { prefix: "metadata.", why: "the Japanese guide keeps the standard objects' and fields' English names" },
  ],
};

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

function valueAt(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** The simple arguments of an ICU message (`{header}`, `{count, plural, …}` → header, count). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      // Arguments open at depth 0, or right inside a plural/select branch at even depth.
      const match = /^\{\s*([A-Za-z_][\w]*)\s*(,|\})/.exec(message.slice(i));
      if (match && depth % 2 === 0) names.add(match[1]);
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

const english = keys(en as Tree);
const catalogs = { fr, it: it_, ro, ja } as Record<string, Tree>;

describe.each(Object.entries(catalogs))("the %s catalog", (language, catalog) => {
  const stays = STAY_ENGLISH[language] ?? [];
  const translated = new Set(keys(catalog));

  it("has every English key, but those that stay English", () => {
    const missing = english.filter((key) => !translated.has(key) && !stays.some(({ prefix }) => key.startsWith(prefix)));
    expect(missing).toEqual([]);
  });

  it("has no key English lacks", () => {
    expect([...translated].filter((key) => valueAt(en as Tree, key) === undefined)).toEqual([]);
  });

  it("uses the same arguments as English in each message", () => {
    const different = [...translated].filter((key) => {
      const source = valueAt(en as Tree, key);
      return source !== undefined && argumentsOf(source).join() !== argumentsOf(valueAt(catalog, key)!).join();
    });
    expect(different).toEqual([]);
  });

  it("keeps its stay-English list short and true (each prefix really is left out)", () => {
    for (const { prefix } of stays) expect([...translated].some((key) => key.startsWith(prefix)), prefix).toBe(false);
  });
});
