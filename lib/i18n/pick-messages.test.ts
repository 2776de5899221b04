import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { pickMessages } from "./pick-messages";

describe("pickMessages", () => {
  it("keeps whole namespaces and dotted sub-namespaces, nothing else", () => {
    const picked = pickMessages(en, ["common", "records.list", "records.filter", "missing.part"]);
    expect(Object.keys(picked).sort()).toEqual(["common", "records"]);
    expect(picked.common).toEqual(en.common);
    expect(picked.records).toEqual({ list: en.records.list, filter: en.records.filter });
  });
});
