// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Snapshot } from '../../../common/snapshots.js';
import { snapshotFixture } from './snapshot.test-helpers';
import { SnapshotTree } from './SnapshotTree';
import { snapshotTreeRows } from './tree';

const snap = (name: string, parent: string | null, creationTime: number, current = false): Snapshot => snapshotFixture(name, parent, { creationTime, current });

const rows = snapshotTreeRows([snap('a', null, 1), snap('b', 'a', 2), snap('c', 'b', 3, true), snap('d', 'a', 4)]);

function Harness() {
  const [selected, setSelected] = useState<string | null>('a');
  return <SnapshotTree rows={rows} selected={selected} onSelect={setSelected} />;
}

const item = (name: string) => screen.getAllByRole('treeitem').find((el) => el.dataset['snapshotName'] === name) as HTMLElement;

afterEach(cleanup);

describe('SnapshotTree', () => {
  it("snapshot dates use the browser's locale format: the tree writes them in the one stable format", () => {
    const at = new Date(2026, 2, 4, 5, 6, 7).getTime() / 1000;
    render(<SnapshotTree rows={snapshotTreeRows([snap('dated', null, at)])} selected={null} onSelect={() => undefined} />);
    expect(item('dated').querySelector('time')?.textContent).toBe('2026-03-04 05:06:07');
  });

  it('renders a tree with levels, connectors and the current snapshot marked', () => {
    render(<Harness />);
    const items = screen.getAllByRole('treeitem');
    expect(items.map((el) => `${el.getAttribute('aria-level')}:${el.dataset['snapshotName']}`)).toEqual(['1:a', '2:b', '3:c', '2:d']);
    expect(item('c').dataset['current']).toBe('true');
    expect(item('c').textContent).toContain('current');
    expect(item('a').textContent).not.toContain('current');
    expect(item('b').textContent).toContain('├─');
    expect(item('d').textContent).toContain('└─');
  });

  it('moves the selection with the keyboard: down, right to a child, left to the parent, End and Home', () => {
    render(<Harness />);
    const tree = screen.getByRole('tree');
    item('a').focus();
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(item('b').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(item('b'));
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(item('c').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(item('b').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tree, { key: 'End' });
    expect(item('d').getAttribute('aria-selected')).toBe('true');
    expect(item('d').tabIndex).toBe(0);
    expect(item('a').tabIndex).toBe(-1);
    fireEvent.keyDown(tree, { key: 'Home' });
    expect(document.activeElement).toBe(item('a'));
  });
});
