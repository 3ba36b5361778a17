// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { VmSummary } from '../../../common/vms.js';
import { VmActions } from '../vms/VmActions';
import { acl } from './access';
import { GuardedButton } from './GuardedButton';
import { meWith, queryClientAs } from './me.test-helpers';

afterEach(cleanup);

const UUID = '19ad3fc4-4bcf-44c4-9464-4ce03854c41e';
const button = (id: string) => document.getElementById(id) as HTMLButtonElement;

function show(client: QueryClient, onClick = () => undefined) {
  render(
    <QueryClientProvider client={client}>
      <GuardedButton privilege="vm.delete" path={acl.vm('local', UUID)} id="delete" title="virsh undefine demo" onClick={onClick}>
        Delete…
      </GuardedButton>
    </QueryClientProvider>,
  );
}

describe('GuardedButton', () => {
  it('is disabled, with a tooltip naming the missing privilege, when the user may not take the action', () => {
    const onClick = vi.fn();
    show(queryClientAs(meWith([{ role: 'Console user', path: '/' }])), onClick);
    expect(button('delete').disabled).toBe(true);
    expect(button('delete').title).toBe('Needs vm.delete on this VM');
    expect(button('delete').dataset['missingPrivilege']).toBe('vm.delete');
    fireEvent.click(button('delete'));
    expect(onClick).not.toHaveBeenCalled();
  });

  it('works as a plain button, with its own tooltip, when the user holds the privilege', () => {
    const onClick = vi.fn();
    show(queryClientAs(meWith([{ role: 'Operator', path: acl.vm('local', UUID) }])), onClick);
    expect(button('delete').disabled).toBe(false);
    expect(button('delete').title).toBe('virsh undefine demo');
    expect(button('delete').dataset['missingPrivilege']).toBeUndefined();
    fireEvent.click(button('delete'));
    expect(onClick).toHaveBeenCalledOnce();
  });
});

describe('VmActions for a user without vm.power', () => {
  const vm: VmSummary = {
    uuid: UUID,
    name: 'demo',
    id: -1,
    state: 'shutoff',
    autostart: false,
    persistent: true,
    managedSave: false,
    vcpus: { current: 1, max: 1 },
    memory: { currentBytes: 1, maxBytes: 1 },
  };

  it('disables Start and the Shut down menu and says which privilege is missing', () => {
    render(
      <QueryClientProvider client={queryClientAs(meWith([{ role: 'Console user', path: '/' }]))}>
        <VmActions host="local" uri="qemu:///system" vm={vm} idPrefix="vm-action" />
      </QueryClientProvider>,
    );
    for (const id of ['vm-action-start', 'vm-action-power']) {
      expect(button(id).disabled, id).toBe(true);
      expect(button(id).title, id).toBe('Needs vm.power on this VM');
    }
  });
});
