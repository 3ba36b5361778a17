/** The console workspace layout: a tree of splits whose leaves are panes. Pure functions only. */

export type ConsoleKind = 'serial' | 'vnc';

export interface PaneTarget {
  host: string;
  uuid: string;
  /** VM name, for the pane title. */
  name: string;
  kind: ConsoleKind;
  /** Serial device alias; absent = the first one. */
  device?: string;
}

export interface PaneNode {
  type: 'pane';
  id: string;
  target: PaneTarget | null;
}

export type SplitDirection = 'row' | 'column';

export interface SplitNode {
  type: 'split';
  id: string;
  /** row = side by side, column = stacked. */
  direction: SplitDirection;
  /** Fractions of the split's length, one per child, summing to 1. */
  sizes: number[];
  children: LayoutNode[];
}

export type LayoutNode = PaneNode | SplitNode;

export interface WorkspaceLayout {
  root: LayoutNode;
  maximised: string | null;
}

export const MIN_PANE_FRACTION = 0.1;

export function emptyLayout(id: string): WorkspaceLayout {
  return { root: { type: 'pane', id, target: null }, maximised: null };
}

export function panes(node: LayoutNode): PaneNode[] {
  return node.type === 'pane' ? [node] : node.children.flatMap(panes);
}

export function findPane(layout: WorkspaceLayout, id: string): PaneNode | undefined {
  return panes(layout.root).find((p) => p.id === id);
}

function equalSizes(n: number): number[] {
  return Array.from({ length: n }, () => 1 / n);
}

/** Applies `fn` top-down; a node `fn` changes is kept as is, a null removes it (splits collapse). */
function mapNode(node: LayoutNode, fn: (n: LayoutNode) => LayoutNode | null): LayoutNode | null {
  const mapped = fn(node);
  if (mapped === null || mapped !== node || node.type === 'pane') return mapped;
  const children: LayoutNode[] = [];
  const sizes: number[] = [];
  node.children.forEach((child, i) => {
    const c = mapNode(child, fn);
    if (c !== null) {
      children.push(c);
      sizes.push(node.sizes[i] ?? 0);
    }
  });
  if (children.length <= 1) return children[0] ?? null;
  const total = sizes.reduce((a, b) => a + b, 0);
  return { ...node, children, sizes: total > 0 ? sizes.map((s) => s / total) : equalSizes(children.length) };
}

/** Splits pane `id` in two; the new empty pane `newId` goes after it. */
export function splitPane(layout: WorkspaceLayout, id: string, direction: SplitDirection, newId: string, splitId: string): WorkspaceLayout {
  const fresh: PaneNode = { type: 'pane', id: newId, target: null };
  const visit = (node: LayoutNode): LayoutNode => {
    if (node.type === 'pane') {
      return node.id === id
        ? { type: 'split', id: splitId, direction, sizes: [0.5, 0.5], children: [node, fresh] }
        : node;
    }
    const index = node.children.findIndex((c) => c.type === 'pane' && c.id === id);
    if (index >= 0 && node.direction === direction) {
      const children = [...node.children];
      children.splice(index + 1, 0, fresh);
      const sizes = [...node.sizes];
      const half = (sizes[index] ?? 0) / 2;
      sizes.splice(index, 1, half, half);
      return { ...node, children, sizes };
    }
    return { ...node, children: node.children.map(visit) };
  };
  return { root: visit(layout.root), maximised: null };
}

/** Removes pane `id`; the last pane is emptied instead (the workspace always has one). */
export function closePane(layout: WorkspaceLayout, id: string, replacementId: string): WorkspaceLayout {
  const root = mapNode(layout.root, (n) => (n.type === 'pane' && n.id === id ? null : n));
  return {
    root: root ?? { type: 'pane', id: replacementId, target: null },
    maximised: layout.maximised === id ? null : layout.maximised,
  };
}

export function setPaneTarget(layout: WorkspaceLayout, id: string, target: PaneTarget | null): WorkspaceLayout {
  const root = mapNode(layout.root, (n) => (n.type === 'pane' && n.id === id ? { ...n, target } : n));
  return { ...layout, root: root ?? layout.root };
}

/** New sizes for split `id` (clamped so that no pane shrinks below MIN_PANE_FRACTION). */
export function resizeSplit(layout: WorkspaceLayout, id: string, sizes: readonly number[]): WorkspaceLayout {
  const root = mapNode(layout.root, (n) => {
    if (n.type !== 'split' || n.id !== id || sizes.length !== n.children.length) return n;
    const clamped = sizes.map((s) => (Number.isFinite(s) ? Math.max(MIN_PANE_FRACTION, s) : MIN_PANE_FRACTION));
    const total = clamped.reduce((a, b) => a + b, 0);
    return { ...n, sizes: clamped.map((s) => s / total) };
  });
  return { ...layout, root: root ?? layout.root };
}

export function toggleMaximise(layout: WorkspaceLayout, id: string): WorkspaceLayout {
  return { ...layout, maximised: layout.maximised === id ? null : id };
}

/** Puts `target` in the first empty pane, or splits the largest-looking last pane to make room. */
export function openInLayout(layout: WorkspaceLayout, target: PaneTarget, newId: string, splitId: string): WorkspaceLayout {
  const empty = panes(layout.root).find((p) => p.target === null);
  if (empty !== undefined) return setPaneTarget(layout, empty.id, target);
  const all = panes(layout.root);
  const last = all[all.length - 1];
  if (last === undefined) return layout;
  const direction: SplitDirection = all.length % 2 === 1 ? 'row' : 'column';
  return setPaneTarget(splitPane(layout, last.id, direction, newId, splitId), newId, target);
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function parseTarget(v: unknown): PaneTarget | null {
  if (typeof v !== 'object' || v === null) return null;
  const t = v as Record<string, unknown>;
  if (!isString(t['host']) || !isString(t['uuid']) || !isString(t['name'])) return null;
  if (t['kind'] !== 'serial' && t['kind'] !== 'vnc') return null;
  const target: PaneTarget = { host: t['host'], uuid: t['uuid'], name: t['name'], kind: t['kind'] };
  if (isString(t['device'])) target.device = t['device'];
  return target;
}

function parseNode(v: unknown, depth: number): LayoutNode | null {
  if (depth > 16 || typeof v !== 'object' || v === null) return null;
  const n = v as Record<string, unknown>;
  if (!isString(n['id'])) return null;
  if (n['type'] === 'pane') return { type: 'pane', id: n['id'], target: parseTarget(n['target']) };
  if (n['type'] !== 'split' || (n['direction'] !== 'row' && n['direction'] !== 'column')) return null;
  if (!Array.isArray(n['children']) || !Array.isArray(n['sizes'])) return null;
  const children = n['children'].map((c) => parseNode(c, depth + 1));
  if (children.length < 2 || children.some((c) => c === null)) return null;
  const sizes = n['sizes'].map((s) => (typeof s === 'number' && Number.isFinite(s) && s > 0 ? s : 0));
  if (sizes.length !== children.length || sizes.some((s) => s === 0)) return null;
  const total = sizes.reduce((a, b) => a + b, 0);
  return {
    type: 'split',
    id: n['id'],
    direction: n['direction'],
    sizes: sizes.map((s) => s / total),
    children: children as LayoutNode[],
  };
}

/** Reads a stored layout; anything malformed gives null (the caller starts afresh). */
export function parseLayout(text: string | null): WorkspaceLayout | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    const root = parseNode(o['root'], 0);
    if (root === null) return null;
    const ids = panes(root).map((p) => p.id);
    if (new Set(ids).size !== ids.length) return null;
    const maximised = isString(o['maximised']) && ids.includes(o['maximised']) ? o['maximised'] : null;
    return { root, maximised };
  } catch {
    return null;
  }
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedPane {
  pane: PaneNode;
  rect: Rect;
}

export interface PlacedDivider {
  splitId: string;
  /** The divider sits after child `index`. */
  index: number;
  direction: SplitDirection;
  /** The whole split's rectangle (for turning pointer moves into fractions). */
  split: Rect;
  sizes: number[];
  /** Position along the split's axis, as a fraction of the workspace. */
  at: number;
}

/**
 * Places every pane as a rectangle in fractions of the workspace. Panes are rendered flat and
 * positioned by these, so splitting or maximising never remounts (and reconnects) a console.
 */
export function placePanes(node: LayoutNode, rect: Rect = { x: 0, y: 0, w: 1, h: 1 }): { panes: PlacedPane[]; dividers: PlacedDivider[] } {
  if (node.type === 'pane') return { panes: [{ pane: node, rect }], dividers: [] };
  const placed: PlacedPane[] = [];
  const dividers: PlacedDivider[] = [];
  let offset = 0;
  node.children.forEach((child, i) => {
    const size = node.sizes[i] ?? 0;
    const childRect = node.direction === 'row'
      ? { x: rect.x + offset * rect.w, y: rect.y, w: size * rect.w, h: rect.h }
      : { x: rect.x, y: rect.y + offset * rect.h, w: rect.w, h: size * rect.h };
    offset += size;
    const inner = placePanes(child, childRect);
    placed.push(...inner.panes);
    dividers.push(...inner.dividers);
    if (i < node.children.length - 1) {
      dividers.push({
        splitId: node.id,
        index: i,
        direction: node.direction,
        split: rect,
        sizes: node.sizes,
        at: node.direction === 'row' ? rect.x + offset * rect.w : rect.y + offset * rect.h,
      });
    }
  });
  return { panes: placed, dividers };
}
