import { describe, expect, it } from "vitest";
import { matchesSearch, searchKey } from "./search-key";

describe("search as you type", () => {
  it("ignores case and accents, in any script", () => {
    expect(searchKey("Stagiaire Équipe")).toBe("stagiaire equipe");
    expect(matchesSearch("equipe", "Équipe commerciale")).toBe(true);
    expect(matchesSearch("サポ", "サポート")).toBe(true);
    expect(matchesSearch("ｻﾎﾟ", "サポート")).toBe(true);
    expect(matchesSearch("  ", "anything")).toBe(true);
    expect(matchesSearch("guest", "Intern")).toBe(false);
  });
});
