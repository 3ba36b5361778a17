/** Names of `root` and all its descendants, parents before children. */
export function subtreeOf(snapshots: ReadonlyArray<{ name: string; parent: string | null }>, root: string): string[] {
  const children = new Map<string, string[]>();
  for (const s of snapshots) {
    if (s.parent === null) continue;
    const list = children.get(s.parent) ?? [];
    list.push(s.name);
    children.set(s.parent, list);
  }
  const result: string[] = [];
  const queue = [root];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    result.push(name);
    queue.push(...(children.get(name) ?? []));
  }
  return result;
}
