import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessStore, StoredUser } from '../access-store.js';
import { SESSION_TOUCH_INTERVAL_MS } from './session-queries.js';
import { temporaryStore } from './store.test-helpers.js';
import { TOKEN_TOUCH_INTERVAL_MS } from './token-queries.js';

const MINUTE = 60_000;
const LIMITS = { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE };
const later = (from: string, ms: number): Date => new Date(Date.parse(from) + ms);

describe('sessions, API tokens and the setup token in the SQLite store', () => {
  let store: AccessStore;
  let close: () => void;
  let alice: StoredUser;
  beforeEach(async () => {
    ({ store, close } = temporaryStore());
    alice = await store.createUser({ username: 'alice', realm: 'pam' });
  });
  afterEach(() => close());

  it('resumes a session by its secret, refreshing lastSeenAt at most every few seconds', () => {
    const { secret, session } = store.createSession(alice.id, { address: '192.0.2.1', userAgent: 'Firefox' });
    expect(secret).not.toBe(session.id);
    expect(store.resumeSession(secret, LIMITS, later(session.createdAt, 1000))).toEqual(session);
    const touchedAt = later(session.createdAt, SESSION_TOUCH_INTERVAL_MS + 1);
    expect(store.resumeSession(secret, LIMITS, touchedAt)?.lastSeenAt).toBe(touchedAt.toISOString());
    expect(store.listSessions(alice.id)).toEqual([{ ...session, lastSeenAt: touchedAt.toISOString() }]);
    expect(store.resumeSession(`${secret}x`, LIMITS)).toBeUndefined();
    expect(store.resumeSession(session.id, LIMITS)).toBeUndefined();
  });

  it('ends a session idle for too long, and deletes it', () => {
    const { secret, session } = store.createSession(alice.id, { address: '::1', userAgent: 'curl' });
    expect(store.resumeSession(secret, LIMITS, later(session.createdAt, 29 * MINUTE))).toBeDefined();
    expect(store.resumeSession(secret, LIMITS, later(session.createdAt, 29 * MINUTE + 30 * MINUTE + 1))).toBeUndefined();
    expect(store.listSessions(alice.id)).toEqual([]);
  });

  it('ends an active session after the absolute limit', () => {
    const { secret, session } = store.createSession(alice.id, { address: '::1', userAgent: 'curl' });
    for (let minutes = 20; minutes <= 12 * 60; minutes += 20) {
      expect(store.resumeSession(secret, LIMITS, later(session.createdAt, minutes * MINUTE))).toBeDefined();
    }
    expect(store.resumeSession(secret, LIMITS, later(session.createdAt, 12 * 60 * MINUTE + 1))).toBeUndefined();
    expect(store.listSessions(alice.id)).toEqual([]);
  });

  it('deletes sessions by id, by secret and per user', async () => {
    const bob = await store.createUser({ username: 'bob', realm: 'pam' });
    const a1 = store.createSession(alice.id, { address: '::1', userAgent: 'a' });
    const a2 = store.createSession(alice.id, { address: '::1', userAgent: 'b' });
    const a3 = store.createSession(alice.id, { address: '::1', userAgent: 'c' });
    const b1 = store.createSession(bob.id, { address: '::1', userAgent: 'd' });
    expect(store.deleteSession(a1.session.id)).toBe(true);
    expect(store.deleteSession(a1.session.id)).toBe(false);
    expect(store.deleteSessionBySecret(a2.secret)).toBe(true);
    expect(store.resumeSession(a2.secret, LIMITS)).toBeUndefined();
    expect(store.deleteSessionsOf(alice.id)).toBe(1);
    expect(store.resumeSession(a3.secret, LIMITS)).toBeUndefined();
    expect(store.resumeSession(b1.secret, LIMITS)).toBeDefined();
    store.deleteUser('bob');
    expect(store.resumeSession(b1.secret, LIMITS)).toBeUndefined();
  });

  it('uses tokens until they expire, recording lastUsedAt at most every 10 s', () => {
    const expiresAt = new Date(Date.now() + 60 * MINUTE).toISOString();
    const grants = [{ role: 'Auditor', path: '/' }];
    const { secret, token } = store.createToken(alice.id, { name: 'backup script', expiresAt, grants });
    expect(token).toEqual({ id: token.id, userId: alice.id, name: 'backup script', createdAt: token.createdAt, expiresAt, grants });
    expect(store.listTokens(alice.id)).toEqual([token]);

    const first = new Date(Date.parse(token.createdAt) + 1000);
    expect(store.useToken(secret, first)?.lastUsedAt).toBe(first.toISOString());
    expect(store.useToken(secret, later(first.toISOString(), TOKEN_TOUCH_INTERVAL_MS - 1))?.lastUsedAt).toBe(first.toISOString());
    const second = later(first.toISOString(), TOKEN_TOUCH_INTERVAL_MS);
    store.useToken(secret, second);
    expect(store.listTokens(alice.id)[0]?.lastUsedAt).toBe(second.toISOString());

    expect(store.useToken(secret, new Date(expiresAt))).toBeUndefined();
    expect(store.useToken(`${secret}x`)).toBeUndefined();
    expect(store.useToken(token.id)).toBeUndefined();
  });

  it('keeps tokens without expiry, checks their grants, and deletes only the owner’s', async () => {
    const bob = await store.createUser({ username: 'bob', realm: 'pam' });
    const { secret, token } = store.createToken(alice.id, { name: 'ci', grants: [] });
    expect(token).not.toHaveProperty('expiresAt');
    expect(store.useToken(secret, new Date('2999-01-01T00:00:00Z'))).toMatchObject({ id: token.id, grants: [] });
    expect(() => store.createToken(alice.id, { name: 'x', grants: [{ role: 'Nope', path: '/' }] })).toThrow(expect.objectContaining({ code: 'UNKNOWN_ROLE' }));
    expect(() => store.createToken(alice.id, { name: 'x', grants: [{ role: 'Auditor', path: 'hosts' }] })).toThrow(expect.objectContaining({ code: 'INVALID_PATH' }));
    expect(() => store.createToken(alice.id, { name: 'x', expiresAt: 'soon', grants: [] })).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
    expect(store.deleteToken(bob.id, token.id)).toBe(false);
    expect(store.deleteToken(alice.id, token.id)).toBe(true);
    expect(store.useToken(secret)).toBeUndefined();
  });

  it('drops a deleted user’s tokens', () => {
    const { secret } = store.createToken(alice.id, { name: 'ci', grants: [] });
    store.deleteUser('alice');
    expect(store.useToken(secret)).toBeUndefined();
  });

  it('consumes the setup token once, before it expires; a new one replaces the old', () => {
    const first = store.createSetupToken(60 * MINUTE);
    const second = store.createSetupToken(60 * MINUTE);
    expect(store.consumeSetupToken(first)).toBe(false);
    expect(store.consumeSetupToken('')).toBe(false);
    expect(store.consumeSetupToken(second)).toBe(true);
    expect(store.consumeSetupToken(second)).toBe(false);

    const expiring = store.createSetupToken(60 * MINUTE);
    expect(store.consumeSetupToken(expiring, new Date(Date.now() + 61 * MINUTE))).toBe(false);
    expect(store.consumeSetupToken(expiring, new Date(Date.now() + 59 * MINUTE))).toBe(true);
  });
});
