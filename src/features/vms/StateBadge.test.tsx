// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { VmState } from '../../../common/vms.js';
import { StateBadge } from './StateBadge';

afterEach(cleanup);

const STATES = VmState.enum as readonly VmState[];

describe('StateBadge', () => {
  it('the "Shutting down" badge icon renders as an empty box: every state draws its icon as SVG, not as a font glyph', () => {
    expect(STATES).toHaveLength(8);
    for (const state of STATES) {
      const { container, unmount } = render(<StateBadge state={state} />);
      const badge = container.querySelector('[data-testid="vm-state"]');
      expect(badge?.querySelector('svg[data-icon]'), state).not.toBeNull();
      // Only the label is text: no symbol a font may lack (⏻ ⏸ ☾ 💾 …).
      expect(badge?.textContent, state).toBe(badge?.querySelector('[data-state]')?.textContent);
      expect(badge?.textContent ?? '', state).toMatch(/^[A-Za-z ]+$/);
      unmount();
    }
    const { container } = render(<StateBadge state="shutoff" reason="saved" />);
    expect(container.querySelector('svg[data-icon]')).not.toBeNull();
    expect(container.textContent).toBe('Saved');
  });
});
