// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Privilege } from '../../../common/access.js';
import { createQueryClient } from '../../lib/query';
import { acl, describePath, useCan } from './access';
import { meWith, queryClientAs } from './me.test-helpers';

afterEach(cleanup);

const VM_A = '4dea22b3-1d52-d8f3-2516-782e98ab3fa0';
const VM_B = '19ad3fc4-4bcf-44c4-9464-4ce03854c41e';

function can(client: QueryClient, privilege: Privilege, path: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return renderHook(() => useCan(privilege, path), { wrapper }).result.current;
}

describe('useCan', () => {
  const operatorOnA = queryClientAs(meWith([{ role: 'Operator', path: acl.vm('local', VM_A) }]));

  it('allows what the roles granted on the path or above it give', () => {
    expect(can(operatorOnA, 'vm.power', acl.vm('local', VM_A))).toEqual({ allowed: true, disabledReason: undefined });
    const admin = queryClientAs();
    expect(can(admin, 'network.edit', acl.network('other', 'default')).allowed).toBe(true);
  });

  it('refuses on other objects, on the host above, and privileges the role lacks, naming what is missing', () => {
    expect(can(operatorOnA, 'vm.power', acl.vm('local', VM_B))).toEqual({ allowed: false, disabledReason: 'Needs vm.power on this VM' });
    expect(can(operatorOnA, 'vm.create', acl.host('local'))).toEqual({ allowed: false, disabledReason: 'Needs vm.create on this host' });
    expect(can(operatorOnA, 'storage.edit', acl.pool('local', 'default')).disabledReason).toBe('Needs storage.edit on this pool');
    const consoleUser = queryClientAs(meWith([{ role: 'Console user', path: '/hosts/local' }]));
    expect(can(consoleUser, 'vm.console', acl.vm('local', VM_B)).allowed).toBe(true);
    expect(can(consoleUser, 'vm.delete', acl.vm('local', VM_B)).disabledReason).toBe('Needs vm.delete on this VM');
  });

  it('a grant on /hosts/local does not cover /hosts/local2', () => {
    const client = queryClientAs(meWith([{ role: 'Operator', path: '/hosts/local' }]));
    expect(can(client, 'vm.power', acl.vm('local', VM_A)).allowed).toBe(true);
    expect(can(client, 'vm.power', acl.vm('local2', VM_A)).allowed).toBe(false);
  });

  it('refuses everything while nobody is known to be logged in', () => {
    expect(can(createQueryClient(), 'vm.view', '/').allowed).toBe(false);
  });
});

describe('describePath', () => {
  it('names each kind of ACL path', () => {
    expect(['/', '/hosts/local', acl.vm('local', VM_A), acl.pool('local', 'p'), acl.network('local', 'n')].map(describePath)).toEqual([
      'every host',
      'this host',
      'this VM',
      'this pool',
      'this network',
    ]);
  });
});
