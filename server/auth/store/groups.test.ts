import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessStore, StoredUser } from '../access-store.js';
import { MIGRATIONS, runMigrations } from './migrations.js';
import { openDatabase } from './open-database.js';
import { openSqliteAccessStore } from './sqlite-access-store.js';
import { temporaryDataDir, temporaryStore } from './store.test-helpers.js';

const VM_A = '/hosts/local/vms/1b4e28ba-2fa1-11d2-883f-0016d3cca427';

describe('groups in the SQLite store', () => {
  let store: AccessStore;
  let close: () => void;
  let dataDir: string;
  let alice: StoredUser;
  let bob: StoredUser;
  beforeEach(async () => {
    ({ store, close, dataDir } = temporaryStore());
    alice = await store.createUser({ username: 'alice', realm: 'pam' });
    bob = await store.createUser({ username: 'bob', realm: 'pam' });
  });
  afterEach(() => close());

  it('creates, lists and deletes groups; names are unique whatever their case', () => {
    const ops = store.createGroup({ name: 'Ops', description: 'Runs the VMs' });
    expect(ops).toMatchObject({ name: 'Ops', description: 'Runs the VMs' });
    store.createGroup({ name: 'Auditors' });
    expect(store.listGroups().map((g) => g.name)).toEqual(['Auditors', 'Ops']);
    expect(() => store.createGroup({ name: 'ops' })).toThrow(expect.objectContaining({ code: 'GROUP_EXISTS' }));
    expect(() => store.createGroup({ name: '../x' })).toThrow(expect.objectContaining({ code: 'INVALID_GROUP' }));
    expect(store.findGroup('ops')).toBeUndefined();
    expect(store.findGroup('Ops')).toEqual(ops);
    expect(store.deleteGroup('Ops')).toBe(true);
    expect(store.deleteGroup('Ops')).toBe(false);
    expect(store.listGroups().map((g) => g.name)).toEqual(['Auditors']);
  });

  it('gives a user their own grants and those of their groups', () => {
    const ops = store.createGroup({ name: 'Ops' });
    const own = store.addGrant(alice.id, { role: 'Auditor', path: '/' });
    const shared = store.addGroupGrant(ops.id, { role: 'Operator', path: VM_A });
    expect(shared).toEqual({ id: shared.id, groupId: ops.id, role: 'Operator', path: VM_A });
    expect(store.effectiveGrantsOf(alice.id)).toEqual([{ id: own.id, role: 'Auditor', path: '/' }]);

    expect(store.addMember(ops.id, alice.id)).toBe(true);
    expect(store.addMember(ops.id, alice.id)).toBe(false);
    expect(store.effectiveGrantsOf(alice.id)).toEqual([
      { id: own.id, role: 'Auditor', path: '/' },
      { id: shared.id, role: 'Operator', path: VM_A, group: 'Ops' },
    ]);
    expect(store.grantsOf(alice.id)).toEqual([{ ...own, userId: alice.id }]);
    expect(store.effectiveGrantsOf(bob.id)).toEqual([]);
    expect(store.groupsOf(alice.id).map((g) => g.name)).toEqual(['Ops']);
    expect(store.membersOf(ops.id).map((u) => u.username)).toEqual(['alice']);
    expect(store.grantOwner(shared.id)).toEqual({ kind: 'group', groupId: ops.id });
    expect(store.grantOwner(own.id)).toEqual({ kind: 'user', userId: alice.id });
    expect(store.grantOwner(own.id + shared.id + 1)).toBeUndefined();

    expect(store.removeMember(ops.id, alice.id)).toBe(true);
    expect(store.removeMember(ops.id, alice.id)).toBe(false);
    expect(store.effectiveGrantsOf(alice.id)).toEqual([{ id: own.id, role: 'Auditor', path: '/' }]);
  });

  it('checks group grants like user grants', () => {
    const ops = store.createGroup({ name: 'Ops' });
    store.addGroupGrant(ops.id, { role: 'Operator', path: VM_A });
    expect(() => store.addGroupGrant(ops.id, { role: 'Operator', path: VM_A })).toThrow(expect.objectContaining({ code: 'GRANT_EXISTS' }));
    expect(() => store.addGroupGrant(ops.id, { role: 'Nobody', path: '/' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_ROLE' }));
    expect(() => store.addGroupGrant(ops.id, { role: 'Operator', path: '/hosts' })).toThrow(expect.objectContaining({ code: 'INVALID_PATH' }));
    expect(() => store.addGroupGrant(ops.id + 1, { role: 'Operator', path: '/' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_GROUP' }));
    expect(() => store.addMember(ops.id, bob.id + 100)).toThrow(expect.objectContaining({ code: 'UNKNOWN_USER' }));
    expect(() => store.addMember(ops.id + 1, bob.id)).toThrow(expect.objectContaining({ code: 'UNKNOWN_GROUP' }));
    store.createRole({ name: 'Snapshotter', description: '', privileges: ['vm.snapshot'] });
    const grant = store.addGroupGrant(ops.id, { role: 'Snapshotter', path: '/' });
    expect(() => store.deleteRole('Snapshotter')).toThrow(expect.objectContaining({ code: 'ROLE_IN_USE' }));
    expect(store.removeGrant(grant.id)).toBe(true);
    expect(store.deleteRole('Snapshotter')).toBe(true);
  });

  it('deletes a group with its memberships and grants, and a user with their memberships (cascade)', () => {
    const ops = store.createGroup({ name: 'Ops' });
    const dev = store.createGroup({ name: 'Dev' });
    store.addMember(ops.id, alice.id);
    store.addMember(dev.id, alice.id);
    store.addMember(dev.id, bob.id);
    const opsGrant = store.addGroupGrant(ops.id, { role: 'Operator', path: VM_A });
    store.addGroupGrant(dev.id, { role: 'Auditor', path: '/' });
    expect(store.deleteGroup('Ops')).toBe(true);
    expect(store.groupsOf(alice.id).map((g) => g.name)).toEqual(['Dev']);
    expect(store.grantOwner(opsGrant.id)).toBeUndefined();
    expect(store.effectiveGrantsOf(alice.id).map((g) => g.group)).toEqual(['Dev']);
    expect(store.deleteUser('bob')).toBe(true);
    expect(store.membersOf(dev.id).map((u) => u.username)).toEqual(['alice']);
  });

  it('refuses a grant that names both a user and a group, or neither (CHECK)', () => {
    const ops = store.createGroup({ name: 'Ops' });
    const db = openDatabase(dataDir);
    const insert = db.prepare('INSERT INTO grants (user_id, group_id, role, path) VALUES (?, ?, ?, ?)');
    expect(() => insert.run(alice.id, ops.id, 'Auditor', '/')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(null, null, 'Auditor', '/')).toThrow(/CHECK constraint failed/);
    db.close();
  });
});

describe('the groups migration', () => {
  it('keeps the grants of a store made before groups existed', () => {
    const temp = temporaryDataDir();
    try {
      const db = openDatabase(temp.dataDir);
      runMigrations(db, MIGRATIONS.slice(0, 1));
      db.prepare("INSERT INTO users (id, username, realm, created_at) VALUES (7, 'carol', 'pam', '2026-01-01T00:00:00.000Z')").run();
      db.prepare("INSERT INTO grants (id, user_id, role, path) VALUES (3, 7, 'Operator', '/hosts/local')").run();
      expect(runMigrations(db)).toBe(MIGRATIONS.at(-1)?.version);
      db.close();
      const store = openSqliteAccessStore(temp.dataDir);
      expect(store.grantsOf(7)).toEqual([{ id: 3, userId: 7, role: 'Operator', path: '/hosts/local' }]);
      expect(store.effectiveGrantsOf(7)).toEqual([{ id: 3, role: 'Operator', path: '/hosts/local' }]);
      store.close();
    } finally {
      temp.cleanUp();
    }
  });
});
