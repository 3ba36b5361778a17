import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type Privilege } from '../../../common/access.js';
import type { AccessStore, StoredUser } from '../access-store.js';
import { openSqliteAccessStore } from './sqlite-access-store.js';
import { temporaryStore } from './store.test-helpers.js';

describe('roles and grants in the SQLite store', () => {
  let store: AccessStore;
  let close: () => void;
  let dataDir: string;
  let alice: StoredUser;
  beforeEach(async () => {
    ({ store, close, dataDir } = temporaryStore());
    alice = await store.createUser({ username: 'alice', realm: 'pam' });
  });
  afterEach(() => close());

  it('lists the built-in roles first, then custom roles', () => {
    expect(store.listRoles()).toEqual(BUILT_IN_ROLES);
    const created = store.createRole({ name: 'Snapshotter', description: 'Takes snapshots', privileges: ['vm.snapshot', 'vm.view', 'vm.view'] });
    expect(created).toEqual({ name: 'Snapshotter', description: 'Takes snapshots', privileges: ['vm.view', 'vm.snapshot'], builtIn: false });
    store.createRole({ name: 'Auditor light', description: '', privileges: ['audit.view'] });
    expect(store.listRoles().map((r) => r.name)).toEqual([...BUILT_IN_ROLES.map((r) => r.name), 'Auditor light', 'Snapshotter']);
  });

  it('refuses built-in names, duplicates, unknown privileges and empty roles', () => {
    store.createRole({ name: 'Snapshotter', description: '', privileges: ['vm.snapshot'] });
    const refusal = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal(() => store.createRole({ name: 'Operator', description: '', privileges: ['vm.view'] }))).toMatchObject({ code: 'ROLE_EXISTS' });
    expect(refusal(() => store.createRole({ name: 'administrator', description: '', privileges: ['vm.view'] }))).toMatchObject({ code: 'ROLE_EXISTS' });
    expect(refusal(() => store.createRole({ name: 'snapshotter', description: '', privileges: ['vm.view'] }))).toMatchObject({ code: 'ROLE_EXISTS' });
    expect(refusal(() => store.createRole({ name: 'Root', description: '', privileges: ['root' as Privilege] }))).toMatchObject({ code: 'UNKNOWN_PRIVILEGE' });
    expect(refusal(() => store.createRole({ name: 'Empty', description: '', privileges: [] }))).toMatchObject({ code: 'INVALID_ROLE' });
    expect(refusal(() => store.createRole({ name: '../x', description: '', privileges: ['vm.view'] }))).toMatchObject({ code: 'INVALID_ROLE' });
  });

  it('grants roles on valid paths only and removes grants', () => {
    const grant = store.addGrant(alice.id, { role: 'Operator', path: '/hosts/local/vms/1b4e28ba-2fa1-11d2-883f-0016d3cca427' });
    expect(grant).toEqual({ id: grant.id, userId: alice.id, role: 'Operator', path: '/hosts/local/vms/1b4e28ba-2fa1-11d2-883f-0016d3cca427' });
    const root = store.addGrant(alice.id, { role: 'Auditor', path: '/' });
    expect(store.grantsOf(alice.id)).toEqual([grant, root]);
    expect(() => store.addGrant(alice.id, { role: 'Auditor', path: '/' })).toThrow(expect.objectContaining({ code: 'GRANT_EXISTS' }));
    expect(() => store.addGrant(alice.id, { role: 'Nobody', path: '/' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_ROLE' }));
    expect(() => store.addGrant(alice.id, { role: 'operator', path: '/' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_ROLE' }));
    for (const path of ['', '/hosts', '/hosts/Local', '/hosts/local/', '/hosts/local/disks/x', '/../etc']) {
      expect(() => store.addGrant(alice.id, { role: 'Auditor', path })).toThrow(expect.objectContaining({ code: 'INVALID_PATH' }));
    }
    expect(() => store.addGrant(alice.id + 100, { role: 'Auditor', path: '/' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_USER' }));
    expect(store.removeGrant(grant.id)).toBe(true);
    expect(store.removeGrant(grant.id)).toBe(false);
    expect(store.grantsOf(alice.id)).toEqual([root]);
  });

  it('deletes a user with their grants (foreign key cascade)', async () => {
    const bob = await store.createUser({ username: 'bob', realm: 'pam' });
    store.addGrant(alice.id, { role: 'Auditor', path: '/' });
    const kept = store.addGrant(bob.id, { role: 'Auditor', path: '/' });
    expect(store.deleteUser('alice')).toBe(true);
    expect(store.grantsOf(alice.id)).toEqual([]);
    expect(store.grantsOf(bob.id)).toEqual([kept]);
  });

  it('deletes custom roles only when nothing grants them', () => {
    store.createRole({ name: 'Snapshotter', description: '', privileges: ['vm.snapshot'] });
    const grant = store.addGrant(alice.id, { role: 'Snapshotter', path: '/hosts/local' });
    expect(() => store.deleteRole('Operator')).toThrow(expect.objectContaining({ code: 'ROLE_BUILT_IN' }));
    expect(() => store.deleteRole('Snapshotter')).toThrow(expect.objectContaining({ code: 'ROLE_IN_USE' }));
    store.removeGrant(grant.id);
    const { token } = store.createToken(alice.id, { name: 'ci', grants: [{ role: 'Snapshotter', path: '/hosts/local' }] });
    expect(() => store.deleteRole('Snapshotter')).toThrow(expect.objectContaining({ code: 'ROLE_IN_USE' }));
    store.deleteToken(alice.id, token.id);
    expect(store.deleteRole('snapshotter')).toBe(false);
    expect(store.deleteRole('Snapshotter')).toBe(true);
    expect(store.deleteRole('Snapshotter')).toBe(false);
    expect(store.listRoles()).toEqual(BUILT_IN_ROLES);
  });

  it('sees roles another connection to the same file creates or deletes', () => {
    expect(store.listRoles()).toHaveLength(BUILT_IN_ROLES.length);
    const other = openSqliteAccessStore(dataDir);
    other.createRole({ name: 'Snapshotter', description: '', privileges: ['vm.snapshot'] });
    expect(store.listRoles().map((r) => r.name)).toContain('Snapshotter');
    other.deleteRole('Snapshotter');
    expect(store.listRoles()).toEqual(BUILT_IN_ROLES);
    other.close();
  });
});
