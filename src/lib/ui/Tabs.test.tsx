// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Tabs } from './Tabs';

const items = [
  { id: 'a', label: 'Alpha' },
  { id: 'b', label: 'Beta' },
  { id: 'c', label: 'Gamma' },
];

function Harness() {
  const [value, setValue] = useState('a');
  return <Tabs items={items} value={value} onChange={setValue} idPrefix="t" label="Test tabs" />;
}

afterEach(cleanup);

describe('Tabs', () => {
  it('moves with arrow keys, Home and End, and keeps one tab in the tab order', () => {
    render(<Harness />);
    const selected = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.id;
    expect(selected()).toBe('t-tab-a');
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowRight' });
    expect(selected()).toBe('t-tab-b');
    expect(document.activeElement?.id).toBe('t-tab-b');
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowLeft' });
    expect(selected()).toBe('t-tab-c');
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'Home' });
    expect(selected()).toBe('t-tab-a');
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toHaveLength(1);
    expect(screen.getByRole('tab', { name: 'Alpha' }).getAttribute('aria-controls')).toBe('t-panel-a');
  });
});
