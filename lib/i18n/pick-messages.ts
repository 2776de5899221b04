type Tree = { [key: string]: string | Tree };

/** The named parts of a catalog; a dotted name (`records.list`) keeps that sub-namespace only. */
export function pickMessages(messages: object, namespaces: readonly string[]): Tree {
  const picked: Tree = {};
  for (const name of namespaces) {
    const path = name.split(".");
    let from: string | Tree | undefined = messages as Tree;
    for (const key of path) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Tree;
    into[path[path.length - 1]] = from;
  }
  return picked;
}
