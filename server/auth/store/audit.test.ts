import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessStore, NewAuditEntry } from '../access-store.js';
import { temporaryStore } from './store.test-helpers.js';

const VM_A = '/hosts/local/vms/aaaa';
const VM_B = '/hosts/local2/vms/bbbb';

function entry(minute: number, change: Partial<NewAuditEntry>): NewAuditEntry {
  return {
    at: new Date(Date.UTC(2030, 0, 1, 12, minute)).toISOString(),
    address: '192.0.2.7',
    method: 'POST',
    path: '/api/v1/hosts/local/vms/aaaa/start',
    action: 'vm.start',
    status: 204,
    durationMs: 12.5,
    ...change,
  };
}

describe('the audit log in the SQLite store', () => {
  let store: AccessStore;
  let close: () => void;
  beforeEach(() => {
    ({ store, close } = temporaryStore());
    store.appendAudit(entry(0, { username: 'alice', object: VM_A }));
    store.appendAudit(entry(1, { username: 'bob', object: VM_B, status: 403 }));
    store.appendAudit(entry(2, { action: 'login', path: '/api/v1/auth/login', status: 401, summary: '{"username":"mallory"}' }));
    store.appendAudit(entry(3, { username: 'alice', object: '/hosts/local', action: 'host.edit', status: 500 }));
    store.appendAudit(entry(4, { username: 'alice', object: VM_A, action: 'vm.stop' }));
  });
  afterEach(() => close());

  const actions = (query: Parameters<AccessStore['queryAudit']>[0]): string[] => store.queryAudit(query).entries.map((e) => `${e.action}@${e.at.slice(14, 16)}`);

  it('returns everything newest first, with all fields', () => {
    const page = store.queryAudit({});
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.at.slice(14, 16))).toEqual(['04', '03', '02', '01', '00']);
    expect(page.entries[2]).toEqual({ id: 3, ...entry(2, { action: 'login', path: '/api/v1/auth/login', status: 401, summary: '{"username":"mallory"}' }) });
    expect(page.entries[2]).not.toHaveProperty('username');
    expect(page.entries[2]).not.toHaveProperty('object');
  });

  it('filters by user, object subtree, time and result', () => {
    expect(actions({ user: 'alice' })).toEqual(['vm.stop@04', 'host.edit@03', 'vm.start@00']);
    expect(actions({ object: VM_A })).toEqual(['vm.stop@04', 'vm.start@00']);
    expect(actions({ object: '/hosts/local' })).toEqual(['vm.stop@04', 'host.edit@03', 'vm.start@00']);
    expect(actions({ object: '/hosts/loc' })).toEqual([]);
    expect(actions({ object: '/' })).toHaveLength(4);
    expect(actions({ from: '2030-01-01T12:01:00Z', to: '2030-01-01T12:03:00.000Z' })).toEqual(['host.edit@03', 'login@02', 'vm.start@01']);
    expect(actions({ from: '2030-01-01T13:02:00+01:00' })).toEqual(['vm.stop@04', 'host.edit@03', 'login@02']);
    expect(actions({ result: 'success' })).toEqual(['vm.stop@04', 'vm.start@00']);
    expect(actions({ result: 'failure' })).toEqual(['host.edit@03', 'login@02', 'vm.start@01']);
    expect(store.queryAudit({ user: 'alice', result: 'failure' })).toMatchObject({ total: 1, entries: [{ action: 'host.edit' }] });
  });

  it('pages with limit and offset; total counts every match', () => {
    expect(store.queryAudit({ limit: 2 })).toMatchObject({ total: 5, entries: [{ id: 5 }, { id: 4 }] });
    expect(store.queryAudit({ limit: 2, offset: 2 })).toMatchObject({ total: 5, entries: [{ id: 3 }, { id: 2 }] });
    expect(store.queryAudit({ limit: 2, offset: 4 })).toMatchObject({ total: 5, entries: [{ id: 1 }] });
    expect(store.queryAudit({ user: 'alice', limit: 1, offset: 1 })).toMatchObject({ total: 3, entries: [{ action: 'host.edit' }] });
    for (let i = 0; i < 150; i++) store.appendAudit(entry(10, { username: 'script' }));
    expect(store.queryAudit({}).entries).toHaveLength(100);
  });

  it('prunes entries older than a date', () => {
    expect(store.pruneAudit(new Date(Date.UTC(2030, 0, 1, 12, 2)))).toBe(2);
    expect(store.queryAudit({}).total).toBe(3);
    expect(store.pruneAudit(new Date(Date.UTC(2000, 0, 1)))).toBe(0);
  });
});
