/**
 * The form text is compared in when a user searches a list as they type: accents and case
 * dropped, compatibility forms folded (so full-width and half-width kana match), any script.
 */
export function searchKey(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

export function matchesSearch(query: string, ...texts: string[]): boolean {
  const needle = searchKey(query.trim());
  return needle === "" || searchKey(texts.join(" ")).includes(needle);
}
