// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { VmSummary } from '../../../common/vms.js';
import { queryClientAs } from '../auth/me.test-helpers';
import { VmActions } from './VmActions';

const vm = (state: VmSummary['state']): VmSummary => ({
  uuid: '19ad3fc4-4bcf-44c4-9464-4ce03854c41e',
  name: "demo's vm",
  id: state === 'shutoff' ? -1 : 3,
  state,
  autostart: false,
  persistent: true,
  managedSave: false,
  vcpus: { current: 1, max: 1 },
  memory: { currentBytes: 1, maxBytes: 1 },
});

function renderActions(state: VmSummary['state'], domainType?: string) {
  return render(
    <QueryClientProvider client={queryClientAs()}>
      <VmActions host="local" uri="qemu:///system" vm={{ ...vm(state), ...(domainType === undefined ? {} : { domainType }) }} idPrefix="vm-action" />
    </QueryClientProvider>,
  );
}

const button = (id: string) => document.getElementById(id) as HTMLButtonElement;

afterEach(cleanup);

const openPowerMenu = () => fireEvent.click(button('vm-action-power'));

describe('VmActions', () => {
  it('enables what a shut-off VM can do', () => {
    renderActions('shutoff');
    expect(button('vm-action-start').disabled).toBe(false);
    for (const id of ['power', 'suspend', 'resume']) expect(button(`vm-action-${id}`).disabled).toBe(true);
  });

  it('enables what a paused VM can do', () => {
    renderActions('paused');
    expect(button('vm-action-resume').disabled).toBe(false);
    expect(button('vm-action-start').disabled).toBe(true);
    expect(button('vm-action-suspend').disabled).toBe(true);
    openPowerMenu();
    expect(button('vm-action-destroy').disabled).toBe(false);
    expect(button('vm-action-shutdown').disabled).toBe(false);
    expect(button('vm-action-reboot').disabled).toBe(true);
  });

  it('unsafe one-click actions: Force off is no button of its own but an item of the Shut down menu', () => {
    renderActions('running');
    expect(document.getElementById('vm-action-destroy')).toBeNull();
    const power = button('vm-action-power');
    expect(power.textContent).toContain('Shut down');
    expect(power.getAttribute('aria-haspopup')).toBe('menu');
    openPowerMenu();
    expect(screen.getByRole('menu')).not.toBeNull();
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Shut down…', 'Reboot…', 'Force off…']);
  });

  it('unsafe one-click actions: activating Shut down (Enter or click) only opens the menu; each power action asks first', () => {
    renderActions('running');
    openPowerMenu();
    expect(document.querySelector('[role="dialog"], dialog[open]')).toBeNull();
    expect(button('vm-action-power').getAttribute('aria-busy')).toBeNull();
    for (const [item, dialogId, lost] of [
      ['shutdown', 'confirm-shutdown', 'is lost'],
      ['reboot', 'confirm-reboot', 'is lost'],
      ['destroy', 'confirm-force-off', 'is lost'],
    ] as const) {
      if (document.getElementById(`vm-action-${item}`) === null) openPowerMenu();
      fireEvent.click(button(`vm-action-${item}`));
      const dialog = document.getElementById(dialogId);
      expect(dialog, dialogId).not.toBeNull();
      expect(dialog?.textContent).toContain(lost);
      fireEvent.click(screen.getByTestId('confirm-cancel'));
      expect(document.getElementById(dialogId)).toBeNull();
    }
  });

  it('offers a crashed VM Force off, not Start, and says why; Reboot only where the driver performs it', () => {
    renderActions('crashed', 'kvm');
    expect(document.getElementById('vm-action-start')).toBeNull();
    expect(button('vm-action-suspend').disabled).toBe(true);
    openPowerMenu();
    expect(button('vm-action-destroy').disabled).toBe(false);
    expect(button('vm-action-reboot').disabled).toBe(true);
    expect(document.getElementById('vm-action-crashed-hint')?.textContent).toMatch(/Force it off, then start it again\.$/);
    cleanup();
    renderActions('crashed', 'test');
    openPowerMenu();
    expect(button('vm-action-reboot').disabled).toBe(false);
    expect(document.getElementById('vm-action-crashed-hint')?.textContent).toMatch(/or reboot it\.$/);
  });

  it('asks before forcing off, says what is lost and shows the virsh command', () => {
    renderActions('running');
    openPowerMenu();
    fireEvent.click(button('vm-action-destroy'));
    const dialog = document.getElementById('confirm-force-off');
    expect(dialog).not.toBeNull();
    expect(dialog?.textContent).toContain('is lost');
    expect(screen.getAllByTestId('virsh-command').map((e) => e.textContent)).toContain(`virsh -c qemu:///system destroy 'demo'\\''s vm'`);
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(document.getElementById('confirm-force-off')).toBeNull();
  });

  it('lists the virsh command of every action on request', () => {
    renderActions('running');
    fireEvent.click(button('vm-action-virsh-toggle'));
    const commands = [...document.querySelectorAll('#vm-action-virsh code')].map((c) => c.textContent);
    expect(commands).toContain(`virsh -c qemu:///system shutdown 'demo'\\''s vm'`);
    expect(commands).toHaveLength(6);
  });
});
