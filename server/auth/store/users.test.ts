import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessStore } from '../access-store.js';
import { AccessStoreError } from './access-store-error.js';
import { temporaryStore } from './store.test-helpers.js';

const PASSWORD = 'correct horse battery staple';

describe('users in the SQLite store', () => {
  let store: AccessStore;
  let close: () => void;
  beforeEach(() => ({ store, close } = temporaryStore()));
  afterEach(() => close());

  it('creates, finds, lists, updates and deletes users', async () => {
    expect(store.countUsers()).toBe(0);
    const alice = await store.createUser({ username: 'alice', realm: 'local', password: PASSWORD, displayName: 'Alice A.' });
    const bob = await store.createUser({ username: 'bob', realm: 'pam' });
    expect(alice).toMatchObject({ username: 'alice', realm: 'local', displayName: 'Alice A.', disabled: false });
    expect(new Date(alice.createdAt).toISOString()).toBe(alice.createdAt);
    expect(bob).not.toHaveProperty('displayName');
    expect(store.countUsers()).toBe(2);
    expect(store.findUser('alice')).toEqual(alice);
    expect(store.userById(bob.id)).toEqual(bob);
    expect(store.findUser('carol')).toBeUndefined();
    expect(store.listUsers().map((u) => u.username)).toEqual(['alice', 'bob']);

    expect(store.updateUser('alice', { disabled: true, displayName: '' })).toEqual({ ...alice, disabled: true, displayName: undefined });
    expect(store.findUser('alice')).not.toHaveProperty('displayName');
    expect(store.updateUser('carol', { disabled: true })).toBeUndefined();

    expect(store.deleteUser('bob')).toBe(true);
    expect(store.deleteUser('bob')).toBe(false);
    expect(store.listUsers().map((u) => u.username)).toEqual(['alice']);
  });

  it('refuses a second user of the same name and a local user without password', async () => {
    await store.createUser({ username: 'alice', realm: 'local', password: PASSWORD });
    await expect(store.createUser({ username: 'alice', realm: 'pam' })).rejects.toMatchObject({ code: 'USER_EXISTS' });
    await expect(store.createUser({ username: 'carol', realm: 'local' })).rejects.toBeInstanceOf(AccessStoreError);
    const racing = await Promise.allSettled([
      store.createUser({ username: 'dave', realm: 'local', password: PASSWORD }),
      store.createUser({ username: 'dave', realm: 'local', password: PASSWORD }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('verifies passwords: right, wrong, unknown user, disabled user, PAM user', async () => {
    const alice = await store.createUser({ username: 'alice', realm: 'local', password: PASSWORD });
    await store.createUser({ username: 'paula', realm: 'pam' });
    expect(await store.verifyPassword('alice', PASSWORD)).toEqual(alice);
    expect(await store.verifyPassword('alice', `${PASSWORD}!`)).toBeUndefined();
    expect(await store.verifyPassword('alice', '')).toBeUndefined();
    expect(await store.verifyPassword('nobody', PASSWORD)).toBeUndefined();
    expect(await store.verifyPassword('paula', PASSWORD)).toBeUndefined();
    store.updateUser('alice', { disabled: true });
    expect(await store.verifyPassword('alice', PASSWORD)).toBeUndefined();
  });

  it('changes a local password; the old one stops working', async () => {
    await store.createUser({ username: 'alice', realm: 'local', password: PASSWORD });
    await store.createUser({ username: 'paula', realm: 'pam' });
    expect(await store.setPassword('alice', 'a brand new password')).toBe(true);
    expect(await store.verifyPassword('alice', PASSWORD)).toBeUndefined();
    expect(await store.verifyPassword('alice', 'a brand new password')).toMatchObject({ username: 'alice' });
    expect(await store.setPassword('nobody', 'a brand new password')).toBe(false);
    expect(await store.setPassword('paula', 'a brand new password')).toBe(false);
  });

  it('never returns a password hash', async () => {
    const alice = await store.createUser({ username: 'alice', realm: 'local', password: PASSWORD });
    const seen = JSON.stringify([alice, store.findUser('alice'), store.listUsers(), await store.verifyPassword('alice', PASSWORD)]);
    expect(seen).not.toMatch(/scrypt|hash/i);
  });
});
