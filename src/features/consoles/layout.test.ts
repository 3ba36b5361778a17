import { describe, expect, it } from 'vitest';
import {
  closePane,
  emptyLayout,
  openInLayout,
  panes,
  parseLayout,
  placePanes,
  resizeSplit,
  setPaneTarget,
  splitPane,
  toggleMaximise,
  type PaneTarget,
} from './layout';

const a: PaneTarget = { host: 'local', uuid: 'u-a', name: 'a', kind: 'serial' };
const b: PaneTarget = { host: 'local', uuid: 'u-b', name: 'b', kind: 'vnc' };

describe('console workspace layout', () => {
  it('splits a pane and adds siblings in the same direction', () => {
    let l = splitPane(emptyLayout('p1'), 'p1', 'row', 'p2', 's1');
    expect(l.root).toMatchObject({ type: 'split', direction: 'row', sizes: [0.5, 0.5] });
    l = splitPane(l, 'p2', 'row', 'p3', 's2');
    expect(l.root.type === 'split' && l.root.sizes).toEqual([0.5, 0.25, 0.25]);
    expect(panes(l.root).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    l = splitPane(l, 'p1', 'column', 'p4', 's3');
    expect(panes(l.root).map((p) => p.id)).toEqual(['p1', 'p4', 'p2', 'p3']);
  });

  it('closes panes, collapsing splits, and keeps one pane at least', () => {
    let l = splitPane(emptyLayout('p1'), 'p1', 'row', 'p2', 's1');
    l = closePane(l, 'p1', 'x');
    expect(l.root).toEqual({ type: 'pane', id: 'p2', target: null });
    l = closePane(l, 'p2', 'p9');
    expect(l.root).toEqual({ type: 'pane', id: 'p9', target: null });
  });

  it('renormalises sizes after closing and resizing with a minimum', () => {
    let l = splitPane(emptyLayout('p1'), 'p1', 'row', 'p2', 's1');
    l = splitPane(l, 'p2', 'row', 'p3', 's1b');
    l = closePane(l, 'p3', 'x');
    expect(l.root.type === 'split' && l.root.sizes).toEqual([2 / 3, 1 / 3]);
    l = resizeSplit(l, 's1', [0.99, 0.01]);
    const sizes = l.root.type === 'split' ? l.root.sizes : [];
    expect(sizes[1]).toBeGreaterThanOrEqual(0.09);
    expect((sizes[0] ?? 0) + (sizes[1] ?? 0)).toBeCloseTo(1);
  });

  it('opens targets in empty panes first, then splits', () => {
    let l = openInLayout(emptyLayout('p1'), a, 'p2', 's1');
    expect(panes(l.root)).toEqual([{ type: 'pane', id: 'p1', target: a }]);
    l = openInLayout(l, b, 'p2', 's1');
    expect(panes(l.root).map((p) => p.target)).toEqual([a, b]);
    expect(l.root).toMatchObject({ type: 'split', direction: 'row' });
  });

  it('maximises and un-maximises; closing the maximised pane clears it', () => {
    let l = splitPane(emptyLayout('p1'), 'p1', 'row', 'p2', 's1');
    l = toggleMaximise(l, 'p2');
    expect(l.maximised).toBe('p2');
    expect(toggleMaximise(l, 'p2').maximised).toBeNull();
    expect(closePane(l, 'p2', 'x').maximised).toBeNull();
  });

  it('round-trips through JSON and rejects malformed stored layouts', () => {
    let l = splitPane(emptyLayout('p1'), 'p1', 'column', 'p2', 's1');
    l = setPaneTarget(l, 'p2', { ...a, device: 'serial0' });
    l = toggleMaximise(l, 'p2');
    expect(parseLayout(JSON.stringify(l))).toEqual(l);
    expect(parseLayout(null)).toBeNull();
    expect(parseLayout('{')).toBeNull();
    expect(parseLayout(JSON.stringify({ root: { type: 'split', id: 's', direction: 'row', sizes: [1], children: [{ type: 'pane', id: 'p' }] } }))).toBeNull();
    expect(parseLayout(JSON.stringify({ root: { type: 'split', id: 's', direction: 'row', sizes: [1, 1], children: [{ type: 'pane', id: 'p' }, { type: 'pane', id: 'p' }] } }))).toBeNull();
    const odd = parseLayout(JSON.stringify({ root: { type: 'pane', id: 'p', target: { host: 1 } }, maximised: 'zz' }));
    expect(odd).toEqual({ root: { type: 'pane', id: 'p', target: null }, maximised: null });
  });
});

describe('placePanes', () => {
  it('places panes and dividers in fractions of the workspace', () => {
    let l = splitPane(emptyLayout('p1'), 'p1', 'row', 'p2', 's1');
    l = splitPane(l, 'p2', 'column', 'p3', 's2');
    const { panes: placed, dividers } = placePanes(l.root);
    expect(placed.map((p) => [p.pane.id, p.rect])).toEqual([
      ['p1', { x: 0, y: 0, w: 0.5, h: 1 }],
      ['p2', { x: 0.5, y: 0, w: 0.5, h: 0.5 }],
      ['p3', { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }],
    ]);
    expect(dividers.map((d) => [d.splitId, d.direction, d.at])).toEqual([
      ['s1', 'row', 0.5],
      ['s2', 'column', 0.5],
    ]);
  });
});
