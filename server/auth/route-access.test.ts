import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, can, canSomewhereBelow, PRIVILEGES } from '../../common/access.js';
import { buildApp, type App } from '../app.js';
import { HostRegistry } from '../hosts/registry.js';
import { installAuth } from './auth-plugin.js';
import { grantAccess, intersectAccess } from './principal.js';
import { aclPathOf, actionOf, canonicalUuid, decide, ROUTE_RULES, ruleFor, type PrivilegeRule } from './route-access.js';
import { openSqliteAccessStore } from './store/sqlite-access-store.js';

const root = mkdtempSync(join(tmpdir(), 'vt-auth-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const uuid = '6695eb01-f6a4-8304-79aa-97f2502e193f';
const operatorOnVm = grantAccess([{ role: 'Operator', path: `/hosts/test/vms/${uuid}` }], BUILT_IN_ROLES);

describe('the route table', () => {
  let app: App;

  beforeAll(async () => {
    // Never started: no libvirt connection is needed to see which routes exist.
    const hosts = new HostRegistry([{ id: 'test', uri: 'test:///default' }]);
    app = await buildApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0, dataDir: join(root, 'app') }, hosts, spaRoot: '/nonexistent' });
  });
  afterAll(async () => app.close());

  it('names a route that exists for every rule (no stale rules)', () => {
    for (const key of Object.keys(ROUTE_RULES)) {
      const [method = '', url = ''] = key.split(' ');
      expect(app.hasRoute({ method: method as 'GET', url }), key).toBe(true);
    }
  });

  it('refuses to start when an /api/v1 route has no rule', async () => {
    const store = openSqliteAccessStore(join(root, 'bare'));
    const bare = Fastify();
    await installAuth(bare, { store, limits: { idleMs: 60_000, absoluteMs: 60_000 }, allowedOrigins: [], auditRetentionDays: 1 });
    await expect(
      bare.register(async (scope) => {
        scope.get('/hosts/:host/forgotten', async () => ({}));
      }, { prefix: '/api/v1' }),
    ).rejects.toThrow(/No access rule for GET \/api\/v1\/hosts\/:host\/forgotten/);
    await bare.close().catch(() => undefined);
    store.close();
  });

  it('gives every state-changing route an audit action', () => {
    for (const [key, rule] of Object.entries(ROUTE_RULES)) {
      if (!key.startsWith('GET ')) expect(rule.action, key).toBeTruthy();
    }
  });
});

describe('rules', () => {
  it('builds ACL paths from params, canonical UUIDs and names that cannot reach a deeper path', () => {
    expect(aclPathOf.vm({ host: 'test', uuid: uuid.toUpperCase() })).toBe(`/hosts/test/vms/${uuid}`);
    expect(canonicalUuid(uuid.replaceAll('-', ''))).toBe(uuid);
    expect(aclPathOf.pool({ host: 'test', pool: 'a/b' })).toBe('/hosts/test/pools/a%2Fb');
    expect(aclPathOf.network({ host: 'h', name: 'default' })).toBe('/hosts/h/networks/default');
    expect(() => aclPathOf.host({})).toThrow(/host is missing/);
  });

  it('maps the routes of the brief to their privileges', () => {
    const expectRule = (key: string, privilege: string, path: string) => {
      const rule = ROUTE_RULES[key] as PrivilegeRule;
      expect(rule.kind, key).toBe('privilege');
      expect(rule.privilege, key).toBe(privilege);
      expect(rule.path({ host: 'test', uuid, pool: 'p', name: 'n', vol: 'v', action: 'start' }), key).toBe(path);
    };
    const vm = `/hosts/test/vms/${uuid}`;
    expectRule('POST /api/v1/hosts/:host/vms/:uuid/:action', 'vm.power', vm);
    expectRule('POST /api/v1/hosts/:host/vms/:uuid/save', 'vm.power', vm);
    expectRule('PUT /api/v1/hosts/:host/vms/:uuid/autostart', 'vm.config', vm);
    expectRule('GET /api/v1/hosts/:host/vms/:uuid/console/serial', 'vm.console', vm);
    expectRule('POST /api/v1/hosts/:host/vms/:uuid/snapshots', 'vm.snapshot', vm);
    expectRule('GET /api/v1/hosts/:host/vms/:uuid/snapshots', 'vm.view', vm);
    expectRule('POST /api/v1/hosts/:host/vms', 'vm.create', '/hosts/test');
    expectRule('DELETE /api/v1/hosts/:host/vms/:uuid', 'vm.delete', vm);
    expectRule('DELETE /api/v1/hosts/:host/pools/:pool/volumes/:vol', 'storage.edit', '/hosts/test/pools/p');
    expectRule('GET /api/v1/hosts/:host/pools/:pool/volumes', 'storage.view', '/hosts/test/pools/p');
    expectRule('PUT /api/v1/hosts/:host/networks/:name/autostart', 'network.edit', '/hosts/test/networks/n');
    expectRule('GET /api/v1/hosts/:host/bridges', 'host.view', '/hosts/test');
    expectRule('GET /api/v1/access/users', 'admin', '/');
    expectRule('GET /api/v1/audit', 'audit.view', '/');
    expect(ruleFor('HEAD', '/api/v1/hosts/:host/vms')).toBe(ROUTE_RULES['GET /api/v1/hosts/:host/vms']);
    expect(ruleFor('GET', '/api/v1/constructor')).toBeUndefined();
    expect(ROUTE_RULES['POST /api/v1/auth/login']?.kind).toBe('public');
    expect(ROUTE_RULES['GET /api/v1/osinfo']?.kind).toBe('authenticated');
  });

  it('decides per path: an Operator on one VM may start it, not another, and may list the host', () => {
    const start = ROUTE_RULES['POST /api/v1/hosts/:host/vms/:uuid/:action'] as PrivilegeRule;
    const list = ROUTE_RULES['GET /api/v1/hosts/:host/vms'] as PrivilegeRule;
    expect(decide(start, { host: 'test', uuid }, operatorOnVm)).toEqual({ allowed: true });
    const other = '00000000-0000-4000-8000-000000000001';
    expect(decide(start, { host: 'test', uuid: other }, operatorOnVm)).toEqual({ allowed: false, privilege: 'vm.power', path: `/hosts/test/vms/${other}` });
    expect(decide(list, { host: 'test' }, operatorOnVm)).toEqual({ allowed: true });
    expect(decide(list, { host: 'other' }, operatorOnVm).allowed).toBe(false);
    const clone = ROUTE_RULES['POST /api/v1/hosts/:host/vms/:uuid/clone'] as PrivilegeRule;
    const creator = grantAccess([{ role: 'Operator', path: `/hosts/test/vms/${other}` }, { role: 'Operator', path: '/hosts/x' }], BUILT_IN_ROLES);
    expect(decide(clone, { host: 'test', uuid }, creator)).toMatchObject({ allowed: false, privilege: 'vm.create', path: '/hosts/test' });
  });

  it('filters list answers to the visible items', () => {
    const filter = ROUTE_RULES['GET /api/v1/hosts/:host/vms']?.list;
    expect(filter?.everything?.(operatorOnVm, { host: 'test' })).toBe(false);
    expect(filter?.visible(operatorOnVm, { host: 'test' }, { uuid })).toBe(true);
    expect(filter?.visible(operatorOnVm, { host: 'test' }, { uuid: uuid.toUpperCase() })).toBe(true);
    expect(filter?.visible(operatorOnVm, { host: 'test' }, { uuid: '00000000-0000-4000-8000-000000000001' })).toBe(false);
    expect(filter?.visible(operatorOnVm, { host: 'test' }, {})).toBe(false);
    const hosts = ROUTE_RULES['GET /api/v1/hosts']?.list;
    expect(hosts?.visible(operatorOnVm, {}, { id: 'test' })).toBe(true);
    expect(hosts?.visible(operatorOnVm, {}, { id: 'tes' })).toBe(false);
  });

  it('names the audit action from the rule', () => {
    expect(actionOf(ROUTE_RULES['POST /api/v1/hosts/:host/vms/:uuid/:action'], 'POST', '', { action: 'destroy' })).toBe('vm.destroy');
    expect(actionOf(ROUTE_RULES['DELETE /api/v1/hosts/:host/pools/:pool'], 'DELETE', '', {})).toBe('pool.delete');
    expect(actionOf(undefined, 'POST', '/api/v1/nothing', {})).toBe('POST /api/v1/nothing');
  });

  it('limits a token to what both the token and its owner hold', () => {
    const owner = grantAccess([{ role: 'Operator', path: '/hosts/test' }], BUILT_IN_ROLES);
    const token = grantAccess([{ role: 'Auditor', path: '/' }], BUILT_IN_ROLES);
    const both = intersectAccess(token, owner);
    expect(both.can('vm.view', '/hosts/test/vms/x')).toBe(true);
    expect(both.can('vm.power', '/hosts/test/vms/x')).toBe(false);
    expect(both.can('vm.view', '/hosts/other/vms/x')).toBe(false);
  });
});

describe('grantAccess', () => {
  it('agrees with can/canSomewhereBelow of common/access.ts on every path and privilege', () => {
    const grants = [
      { role: 'Console user', path: `/hosts/test/vms/${uuid}` },
      { role: 'Auditor', path: '/hosts/a' },
      { role: 'Operator', path: '/hosts/ab/pools/p' },
      { role: 'Unknown', path: '/' },
    ];
    const access = grantAccess(grants, BUILT_IN_ROLES);
    const paths = ['/', '/hosts/test', `/hosts/test/vms/${uuid}`, '/hosts/test/vms/other', '/hosts/a', '/hosts/a/vms/x', '/hosts/ab', '/hosts/ab/pools/p', '/hosts/ab/pools/pq', '/hosts/abc'];
    for (const path of paths) {
      for (const privilege of PRIVILEGES) {
        expect(access.can(privilege, path), `${privilege} ${path}`).toBe(can(grants, BUILT_IN_ROLES, privilege, path));
        expect(access.canSomewhereBelow(privilege, path), `below ${privilege} ${path}`).toBe(canSomewhereBelow(grants, BUILT_IN_ROLES, privilege, path));
      }
    }
    expect(access.seesAnything('/hosts/ab')).toBe(true);
    expect(access.seesAnything('/hosts/abc')).toBe(false);
    expect(access.seesAnything('/hosts/a/vms/x')).toBe(true);
  });
});
