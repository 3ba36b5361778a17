// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { VmSummary } from '../../../common/vms.js';
import { queryClientAs } from '../auth/me.test-helpers';
import { SavedStateNotice } from './SavedStateNotice';
import { StateBadge } from './StateBadge';
import { VmActions } from './VmActions';

const saved: VmSummary = {
  uuid: '6f1d4b2e-2c1a-4f55-9d1e-3a2b1c0d9e8f',
  name: 'web',
  id: -1,
  state: 'shutoff',
  autostart: false,
  persistent: true,
  managedSave: true,
  vcpus: { current: 1, max: 1 },
  memory: { currentBytes: 1, maxBytes: 1 },
};

function renderWith(node: ReactNode) {
  return render(<QueryClientProvider client={queryClientAs()}>{node}</QueryClientProvider>);
}

afterEach(cleanup);

describe('a VM with a managed-save image', () => {
  it('the saved state could not be discarded: the VM page offers "Discard saved state" behind a confirmation naming what is lost', () => {
    renderWith(<SavedStateNotice host="local" uri="qemu:///system" vm={saved} />);
    expect(document.getElementById('vm-saved-note')?.textContent).toContain('Start restores it');
    fireEvent.click(document.getElementById('vm-action-discard-saved') as HTMLElement);
    const dialog = document.getElementById('confirm-discard-saved');
    expect(dialog?.textContent).toContain('every program that was running in the guest');
    expect(dialog?.querySelector('[data-testid="virsh-command"]')?.textContent).toBe("virsh -c qemu:///system managedsave-remove 'web'");
  });

  it('shows nothing without a saved state', () => {
    renderWith(<SavedStateNotice host="local" uri="qemu:///system" vm={{ ...saved, managedSave: false }} />);
    expect(document.getElementById('vm-saved-state')).toBeNull();
  });

  it('Start did not say it restores: its label and tooltip say so', () => {
    renderWith(<VmActions host="local" uri="qemu:///system" vm={saved} idPrefix="vm-action" />);
    const start = document.getElementById('vm-action-start');
    expect(start?.textContent).toBe('Start (restore)');
    expect(start?.getAttribute('title')).toContain('Restores the saved memory state');
  });

  it('the badge says Saved from the API flag, whatever the state reason', () => {
    const { container } = render(<StateBadge state="shutoff" reason="destroyed" saved />);
    expect(container.textContent).toBe('Saved');
    cleanup();
    const other = render(<StateBadge state="shutoff" reason="saved" saved={false} />);
    expect(other.container.textContent).toBe('Shut off');
  });
});
