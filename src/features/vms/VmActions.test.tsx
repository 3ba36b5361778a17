// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { VmSummary } from '../../../common/vms.js';
import { createQueryClient } from '../../lib/query';
import { VmActions } from './VmActions';

const vm = (state: VmSummary['state']): VmSummary => ({
  uuid: '19ad3fc4-4bcf-44c4-9464-4ce03854c41e',
  name: "demo's vm",
  id: state === 'shutoff' ? -1 : 3,
  state,
  autostart: false,
  persistent: true,
  vcpus: { current: 1, max: 1 },
  memory: { currentBytes: 1, maxBytes: 1 },
});

function renderActions(state: VmSummary['state']) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <VmActions host="local" uri="qemu:///system" vm={vm(state)} idPrefix="vm-action" />
    </QueryClientProvider>,
  );
}

const button = (id: string) => document.getElementById(id) as HTMLButtonElement;

afterEach(cleanup);

describe('VmActions', () => {
  it('enables what a shut-off VM can do', () => {
    renderActions('shutoff');
    expect(button('vm-action-start').disabled).toBe(false);
    for (const id of ['shutdown', 'reboot', 'suspend', 'resume', 'destroy']) expect(button(`vm-action-${id}`).disabled).toBe(true);
  });

  it('enables what a paused VM can do', () => {
    renderActions('paused');
    expect(button('vm-action-resume').disabled).toBe(false);
    expect(button('vm-action-destroy').disabled).toBe(false);
    expect(button('vm-action-start').disabled).toBe(true);
    expect(button('vm-action-suspend').disabled).toBe(true);
  });

  it('asks before forcing off, says what is lost and shows the virsh command', () => {
    renderActions('running');
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
