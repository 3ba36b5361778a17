import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, type AuditEntry, type AuditPage, type TokenCreated } from '../../common/access.js';
import type { VmSummary } from '../../common/vms.js';
import { buildApp, type App } from '../app.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { ROUTE_RULES } from './route-access.js';

const suffix = randomBytes(4).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'vt-auth-'));
const dataDir = join(dir, 'data');
const ADMIN_PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const USER_PASSWORD = `user-pw-${randomBytes(12).toString('hex')}`;
const INJECT_ORIGIN = 'http://localhost';
const config = {
  hosts: [
    { id: 'test', uri: 'test:///default' },
    { id: 'local', uri: 'qemu:///system' },
  ],
  listenHost: '127.0.0.1',
  port: 0,
  dataDir,
  adminPassword: ADMIN_PASSWORD,
};

const domain = (tag: string) => ({
  name: `vt-auth-${suffix}-${tag}`,
  uuid: `${randomBytes(4).toString('hex')}-2222-4333-8444-${randomBytes(6).toString('hex')}`,
});
const A = domain('a');
const B = domain('b');

function domainXml(d: { name: string; uuid: string }): string {
  return `<domain type='test'><name>${d.name}</name><uuid>${d.uuid}</uuid><memory unit='MiB'>128</memory><vcpu>1</vcpu>
  <os><type arch='x86_64'>hvm</type></os></domain>`;
}

const pick = (text: string, fields: RegExp): string => text.split('\n').filter((l) => fields.test(l)).join('|');

/**
 * What virsh sees of this test's objects on the test host (other test files may change other domains
 * meanwhile): a request that must change nothing leaves this unchanged.
 */
async function libvirtState(): Promise<string> {
  const parts = [
    pick(await virsh(TEST_VIRSH_URI, 'pool-info', 'default-pool'), /^(State|Autostart|Persistent)/),
    pick(await virsh(TEST_VIRSH_URI, 'net-info', 'default'), /^(Active|Autostart|Persistent)/),
    (await virsh(TEST_VIRSH_URI, 'list', '--all', '--name')).split('\n').filter((n) => n.includes(suffix)).sort().join(','),
  ];
  for (const d of [A, B]) {
    parts.push(await virsh(TEST_VIRSH_URI, 'domstate', d.uuid));
    parts.push(pick(await virsh(TEST_VIRSH_URI, 'dominfo', d.uuid), /^(State|Autostart|Persistent)/));
    parts.push(await virsh(TEST_VIRSH_URI, 'snapshot-list', '--name', d.uuid));
  }
  return parts.join('\n');
}

/** Who sends a request: a session cookie, a bearer token, or nobody. */
interface Caller {
  username?: string;
  cookie?: string;
  bearer?: string;
}
const NOBODY: Caller = {};

interface Mutation {
  method: string;
  path: string;
  username: string | undefined;
  status: number;
}

describe('logins, roles and audit on test:///default', () => {
  let app: App;
  let baseUrl: string;
  let admin: Caller;
  /** Every state-changing request this test sent, to compare with the audit log. */
  const mutations: Mutation[] = [];
  /** Every answer to a GET, searched for secrets at the end. */
  const readAnswers: string[] = [];
  const secrets: string[] = [ADMIN_PASSWORD, USER_PASSWORD];

  async function call(caller: Caller, options: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { origin: INJECT_ORIGIN };
    if (caller.cookie !== undefined) headers['cookie'] = caller.cookie;
    if (caller.bearer !== undefined) headers['authorization'] = `Bearer ${caller.bearer}`;
    // A header given as undefined is left out (e.g. no Origin at all).
    const merged = Object.fromEntries(Object.entries({ ...headers, ...(options.headers as Record<string, string | undefined> | undefined) }).filter(([, v]) => v !== undefined));
    const res = await app.inject({ ...options, headers: merged as Record<string, string> });
    if (options.method === 'GET') readAnswers.push(res.body);
    else {
      const loginName = options.url === '/api/v1/auth/login' ? (options.payload as { username?: string } | undefined)?.username : undefined;
      // A login refused for its origin is refused before its body is read: no user name to log.
      const refusedEarly = res.statusCode === 403 && res.body.includes('ORIGIN_REFUSED');
      const authenticated = res.statusCode !== 401 || options.url === '/api/v1/auth/login';
      mutations.push({ method: options.method, path: options.url.split('?')[0] ?? '', username: (refusedEarly ? undefined : loginName) ?? (authenticated ? caller.username : undefined), status: res.statusCode });
    }
    return res;
  }

  async function login(username: string, password: string): Promise<Caller> {
    const res = await call(NOBODY, { method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(204);
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    expect(session?.path).toBe('/');
    secrets.push(session?.value ?? 'missing');
    return { username, cookie: `${SESSION_COOKIE}=${session?.value ?? ''}` };
  }

  async function createUser(username: string, role: string, path: string): Promise<Caller> {
    expect((await call(admin, { method: 'POST', url: '/api/v1/access/users', payload: { username, password: USER_PASSWORD } })).statusCode).toBe(201);
    expect((await call(admin, { method: 'POST', url: '/api/v1/access/grants', payload: { username, role, path } })).statusCode).toBe(201);
    return login(username, USER_PASSWORD);
  }

  beforeAll(async () => {
    app = await buildApp({ config, spaRoot: '/nonexistent' });
    await app.hosts.ready('test');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    baseUrl = `http://127.0.0.1:${String(address.port)}`;
    // The app holds test:///default open, so what virsh defines now lives until the app closes.
    for (const d of [A, B]) {
      const file = join(dir, `${d.name}.xml`);
      writeFileSync(file, domainXml(d));
      await virsh(TEST_VIRSH_URI, 'define', file);
    }
    admin = await login('admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    for (const d of [A, B]) {
      await virshOrNull(TEST_VIRSH_URI, 'destroy', d.uuid);
      for (const snap of (await virshOrNull(TEST_VIRSH_URI, 'snapshot-list', '--name', d.uuid))?.split('\n') ?? []) {
        if (snap.trim() !== '') await virshOrNull(TEST_VIRSH_URI, 'snapshot-delete', d.uuid, snap.trim());
      }
      await virshOrNull(TEST_VIRSH_URI, 'undefine', d.uuid);
    }
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A URL for a route of the table, its params filled with objects of this test. */
  function urlOf(route: string): string {
    const values: Record<string, string> = {
      host: 'test', uuid: B.uuid, pool: 'default-pool', name: 'default', vol: 'none.img', action: 'destroy', target: 'vda',
      mac: '52:54:00:00:00:01', id: '1', username: 'admin',
    };
    return route.replace(/:([a-z]+)/g, (_m, p: string) => values[p] ?? p);
  }

  it('answers 401 to every guarded route without a session, before validation, and changes nothing', async () => {
    const before = await libvirtState();
    const guarded = Object.entries(ROUTE_RULES).filter(([, rule]) => rule.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(80);
    for (const [key] of guarded) {
      const [method = '', route = ''] = key.split(' ');
      const res = await call(NOBODY, { method, url: urlOf(route), ...(method === 'GET' ? {} : { payload: { bogus: true } }) });
      expect(res.statusCode, key).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code, key).toBe('UNAUTHENTICATED');
    }
    // A made-up cookie or token is no better than none.
    expect((await call({ cookie: `${SESSION_COOKIE}=forged` }, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/start` })).statusCode).toBe(401);
    expect((await call({ bearer: 'a'.repeat(43) }, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/start` })).statusCode).toBe(401);
    expect(await libvirtState()).toBe(before);
    // The console WebSocket and the event stream over a real socket.
    expect(await upgradeStatus(`/api/v1/hosts/test/vms/${B.uuid}/console/serial`, { origin: baseUrl })).toBe(401);
    expect(await streamStatus('/api/v1/events', {})).toBe(401);
    // Public: login, setup status.
    expect((await call(NOBODY, { method: 'GET', url: '/api/v1/auth/setup' })).json()).toEqual({ needed: false });
  });

  /** The HTTP status a WebSocket upgrade is answered with (101 when it opens). */
  function upgradeStatus(path: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}${path}`, { headers });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => {
        resolve(101);
        ws.close();
      });
      ws.on('error', (err) => reject(err));
    });
  }

  function streamStatus(path: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = get(`${baseUrl}${path}`, { headers }, (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      });
      req.on('error', reject);
    });
  }

  describe('built-in roles, table-driven', () => {
    const roles = ['Administrator', 'Operator', 'Console user', 'Auditor'] as const;
    type Role = (typeof roles)[number];
    const callers = new Map<Role, Caller>();

    beforeAll(async () => {
      for (const role of roles) callers.set(role, await createUser(`vt-${role.toLowerCase().replace(' ', '-')}-${suffix}`, role, '/'));
    });

    interface Case {
      name: string;
      method: string;
      url: () => string;
      payload?: object;
      allowed: readonly Role[];
      /** For a change that was allowed: put things back for the next role. */
      undo?: () => Promise<void>;
    }
    const cases: Case[] = [
      { name: 'list VMs', method: 'GET', url: () => '/api/v1/hosts/test/vms', allowed: roles },
      { name: 'VM details', method: 'GET', url: () => `/api/v1/hosts/test/vms/${B.uuid}`, allowed: roles },
      { name: 'list pools', method: 'GET', url: () => '/api/v1/hosts/test/pools', allowed: ['Administrator', 'Operator', 'Auditor'] },
      { name: 'list networks', method: 'GET', url: () => '/api/v1/hosts/test/networks', allowed: ['Administrator', 'Operator', 'Auditor'] },
      { name: 'host facts', method: 'GET', url: () => '/api/v1/hosts/test', allowed: ['Administrator', 'Operator', 'Auditor'] },
      { name: 'audit log', method: 'GET', url: () => '/api/v1/audit?limit=1', allowed: ['Administrator', 'Auditor'] },
      { name: 'users', method: 'GET', url: () => '/api/v1/access/users', allowed: ['Administrator'] },
      {
        name: 'start a VM', method: 'POST', url: () => `/api/v1/hosts/test/vms/${B.uuid}/start`, allowed: ['Administrator', 'Operator'],
        undo: async () => void (await virsh(TEST_VIRSH_URI, 'destroy', B.uuid)),
      },
      {
        name: 'set autostart', method: 'PUT', url: () => `/api/v1/hosts/test/vms/${B.uuid}/autostart`, payload: { enabled: true }, allowed: ['Administrator', 'Operator'],
        undo: async () => void (await virsh(TEST_VIRSH_URI, 'autostart', '--disable', B.uuid)),
      },
      {
        name: 'take a snapshot', method: 'POST', url: () => `/api/v1/hosts/test/vms/${B.uuid}/snapshots`, payload: { name: `vt-snap-${suffix}` }, allowed: ['Administrator', 'Operator'],
        undo: async () => void (await virsh(TEST_VIRSH_URI, 'snapshot-delete', B.uuid, `vt-snap-${suffix}`)),
      },
      { name: 'refresh a pool', method: 'POST', url: () => '/api/v1/hosts/test/pools/default-pool/refresh', allowed: ['Administrator'] },
      {
        name: 'create a user', method: 'POST', url: () => '/api/v1/access/users', payload: { username: `vt-made-${suffix}`, password: USER_PASSWORD }, allowed: ['Administrator'],
        undo: async () => void expect((await call(admin, { method: 'DELETE', url: `/api/v1/access/users/vt-made-${suffix}` })).statusCode).toBe(204),
      },
    ];

    it.each(roles)('%s: allowed routes answer, forbidden ones 403 FORBIDDEN naming the privilege, with libvirt unchanged', async (role) => {
      const caller = callers.get(role) ?? NOBODY;
      for (const c of cases) {
        const before = await libvirtState();
        const res = await call(caller, { method: c.method, url: c.url(), ...(c.payload === undefined ? {} : { payload: c.payload }) });
        if (c.allowed.includes(role)) {
          expect(res.statusCode, `${role}: ${c.name}: ${res.body}`).toBeLessThan(300);
          await c.undo?.();
        } else {
          expect(res.statusCode, `${role}: ${c.name}`).toBe(403);
          const error = res.json<{ error: { code: string; message: string } }>().error;
          expect(error.code).toBe('FORBIDDEN');
          expect(error.message).toMatch(/^Missing privilege [a-z.]+ on \//);
          expect(await libvirtState(), `${role}: ${c.name}`).toBe(before);
        }
      }
    });
  });

  describe('an Operator granted only VM A', () => {
    let operator: Caller;

    beforeAll(async () => {
      operator = await createUser(`vt-op-a-${suffix}`, 'Operator', `/hosts/test/vms/${A.uuid}`);
    });

    it('sees only A in the VM list, and is refused B (403), with B unchanged', async () => {
      const list = await call(operator, { method: 'GET', url: '/api/v1/hosts/test/vms' });
      expect(list.statusCode).toBe(200);
      expect(list.json<{ vms: VmSummary[] }>().vms.map((v) => v.uuid)).toEqual([A.uuid]);
      const adminList = await call(admin, { method: 'GET', url: '/api/v1/hosts/test/vms' });
      expect(adminList.json<{ vms: VmSummary[] }>().vms.map((v) => v.uuid)).toEqual(expect.arrayContaining([A.uuid, B.uuid]));
      const hosts = await call(operator, { method: 'GET', url: '/api/v1/hosts' });
      expect(hosts.json<{ hosts: { id: string }[] }>().hosts.map((h) => h.id)).toEqual(['test']);

      const before = await libvirtState();
      const stateOfB = await virsh(TEST_VIRSH_URI, 'domstate', B.uuid);
      const start = await call(operator, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/start` });
      expect(start.statusCode).toBe(403);
      expect(start.json<{ error: { message: string } }>().error.message).toBe(`Missing privilege vm.power on /hosts/test/vms/${B.uuid}`);
      expect((await call(operator, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/snapshots`, payload: { name: 'nope' } })).statusCode).toBe(403);
      expect((await call(operator, { method: 'GET', url: `/api/v1/hosts/test/vms/${B.uuid}` })).statusCode).toBe(403);
      expect(await upgradeStatus(`/api/v1/hosts/test/vms/${B.uuid}/console/serial`, { cookie: operator.cookie ?? '', origin: baseUrl })).toBe(403);
      expect(await virsh(TEST_VIRSH_URI, 'domstate', B.uuid)).toBe(stateOfB);
      expect(await libvirtState()).toBe(before);
      // A is the operator's: the console upgrade passes the guard.
      expect(await upgradeStatus(`/api/v1/hosts/test/vms/${A.uuid}/console/serial`, { cookie: operator.cookie ?? '', origin: baseUrl })).toBe(101);
    });

    it("gets only A's events and stats on the SSE stream", async () => {
      const stream = await openStream('/api/v1/events', { cookie: operator.cookie ?? '' });
      const adminStream = await openStream('/api/v1/events', { cookie: admin.cookie ?? '' });
      try {
        expect((await call(admin, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/start` })).statusCode).toBe(200);
        expect((await call(operator, { method: 'POST', url: `/api/v1/hosts/test/vms/${A.uuid}/start` })).statusCode).toBe(200);
        await adminStream.waitFor((m) => m.event === 'vm' && m.data.includes(B.uuid));
        await stream.waitFor((m) => m.event === 'vm' && m.data.includes(A.uuid));
        // Stats of a host with both running: the operator's frames name A only.
        await adminStream.waitFor((m) => m.event === 'stats' && m.data.includes(A.uuid) && m.data.includes(B.uuid), 15_000);
        await stream.waitFor((m) => m.event === 'stats' && m.data.includes(A.uuid), 15_000);
        expect(stream.messages.some((m) => m.data.includes(B.uuid))).toBe(false);
        expect(stream.messages.some((m) => m.event === 'host' || m.event === 'pool' || m.event === 'network')).toBe(false);
      } finally {
        stream.close();
        adminStream.close();
        await call(admin, { method: 'POST', url: `/api/v1/hosts/test/vms/${A.uuid}/destroy` });
        await call(admin, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/destroy` });
      }
    });
  });

  describe('origins', () => {
    it('refuses a cross-origin POST (and one without Origin) with a valid session: 403 ORIGIN_REFUSED, nothing changed', async () => {
      const before = await libvirtState();
      for (const headers of [{ origin: 'http://evil.example' }, { origin: 'null' }, { origin: '' }]) {
        const res = await call(admin, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/start`, headers: headers.origin === '' ? { origin: undefined } : headers } as InjectOptions & { method: string; url: string });
        expect(res.statusCode).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('ORIGIN_REFUSED');
      }
      const sameSite = await call(admin, { method: 'PUT', url: `/api/v1/hosts/test/vms/${B.uuid}/autostart`, payload: { enabled: false }, headers: { origin: undefined, 'sec-fetch-site': 'same-origin' } } as InjectOptions & { method: string; url: string });
      expect(sameSite.statusCode).toBe(200);
      expect(await libvirtState()).toBe(before);
      // A login form posted from another site is refused too.
      const foreignLogin = await call(NOBODY, { method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD }, headers: { origin: 'http://evil.example' } });
      expect(foreignLogin.statusCode).toBe(403);
    });

    it('refuses a WebSocket upgrade with a foreign Origin (403) and accepts the own one', async () => {
      const path = `/api/v1/hosts/test/vms/${A.uuid}/console/serial`;
      expect(await upgradeStatus(path, { cookie: admin.cookie ?? '', origin: 'http://evil.example' })).toBe(403);
      expect(await upgradeStatus(path, { cookie: admin.cookie ?? '' })).toBe(403);
      expect(await upgradeStatus(path, { cookie: admin.cookie ?? '', origin: baseUrl })).toBe(101);
    });
  });

  describe('API tokens', () => {
    it('an Auditor token reads but cannot change; a token cannot carry more than its owner; revoked is 401 at once', async () => {
      const created = await call(admin, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'audit script', grants: [{ role: 'Auditor', path: '/' }] } });
      expect(created.statusCode).toBe(201);
      const { token, summary } = created.json<TokenCreated>();
      secrets.push(token);
      const script: Caller = { username: 'admin', bearer: token };
      const noOrigin = { headers: { origin: undefined } };
      expect((await call(script, { method: 'GET', url: '/api/v1/hosts/test/vms', ...noOrigin } as InjectOptions & { method: string; url: string })).statusCode).toBe(200);
      expect((await call(script, { method: 'GET', url: '/api/v1/audit?limit=5' })).statusCode).toBe(200);
      const before = await libvirtState();
      const start = await call(script, { method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/start`, ...noOrigin } as InjectOptions & { method: string; url: string });
      expect(start.statusCode).toBe(403);
      expect(start.json<{ error: { message: string } }>().error.message).toContain('vm.power');
      expect((await call(script, { method: 'POST', url: '/api/v1/access/users', payload: { username: `vt-tok-${suffix}`, password: USER_PASSWORD } })).statusCode).toBe(403);
      expect(await libvirtState()).toBe(before);
      const listed = await call(admin, { method: 'GET', url: '/api/v1/auth/tokens' });
      expect(listed.json<{ tokens: { id: string; lastUsedAt?: string }[] }>().tokens.find((t) => t.id === summary.id)?.lastUsedAt).toBeDefined();

      const console = await createUser(`vt-tok-owner-${suffix}`, 'Console user', `/hosts/test/vms/${A.uuid}`);
      const tooMuch = await call(console, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'more', grants: [{ role: 'Operator', path: `/hosts/test/vms/${A.uuid}` }] } });
      expect(tooMuch.statusCode).toBe(400);

      expect((await call(admin, { method: 'DELETE', url: `/api/v1/auth/tokens/${summary.id}` })).statusCode).toBe(204);
      const revoked = await call(script, { method: 'GET', url: '/api/v1/hosts/test/vms' });
      expect(revoked.statusCode).toBe(401);
    });
  });

  describe('login throttle', () => {
    it('throttles 20 wrong passwords with 429 and Retry-After, even the right one then, and audits each attempt', async () => {
      const victim = `vt-victim-${suffix}`;
      await createUser(victim, 'Console user', `/hosts/test/vms/${A.uuid}`);
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 20; i++) {
        const res = await call(NOBODY, { method: 'POST', url: '/api/v1/auth/login', payload: { username: victim, password: `wrong-${String(i)}` }, remoteAddress: '10.20.30.40' });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          retryAfter = String(res.headers['retry-after']);
          expect(res.json<{ error: { code: string } }>().error.code).toBe('TOO_MANY_ATTEMPTS');
        } else {
          expect(res.json<{ error: { code: string; message: string } }>().error).toEqual({ code: 'LOGIN_FAILED', message: 'Wrong user name or password' });
        }
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      // Locked: even the right password waits; another address is locked out of this user too.
      const right = await call(NOBODY, { method: 'POST', url: '/api/v1/auth/login', payload: { username: victim, password: USER_PASSWORD }, remoteAddress: '10.20.30.41' });
      expect(right.statusCode).toBe(429);
      // An unknown user answers like a wrong password.
      const unknown = await call(NOBODY, { method: 'POST', url: '/api/v1/auth/login', payload: { username: `nobody-${suffix}`, password: 'whatever' }, remoteAddress: '10.20.30.42' });
      expect(unknown.json()).toEqual({ error: { code: 'LOGIN_FAILED', message: 'Wrong user name or password' } });

      const audit = await call(admin, { method: 'GET', url: `/api/v1/audit?user=${victim}&result=failure&limit=100` });
      const entries = audit.json<AuditPage>().entries.filter((e) => e.action === 'login');
      expect(entries).toHaveLength(21);
      expect(entries.filter((e) => e.status === 429)).toHaveLength(statuses.filter((s) => s === 429).length + 1);
      expect(entries.every((e) => e.address.startsWith('10.20.30.'))).toBe(true);
      expect(entries.every((e) => e.summary !== undefined && e.summary.includes('[redacted]') && !e.summary.includes('wrong-'))).toBe(true);
    });
  });

  describe('revocation ends long-lived connections', () => {
    it('logout ends an open SSE stream within seconds; the cookie is cleared and no longer works', async () => {
      const user = await createUser(`vt-leaver-${suffix}`, 'Auditor', '/hosts/test');
      const stream = await openStream('/api/v1/events', { cookie: user.cookie ?? '' });
      await stream.waitFor((m) => m.event === 'hello');
      const started = Date.now();
      const out = await call(user, { method: 'POST', url: '/api/v1/auth/logout' });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
      await stream.ended;
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await call(user, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    });

    it('disabling a user ends their stream; they cannot log in', async () => {
      const user = await createUser(`vt-disabled-${suffix}`, 'Auditor', '/hosts/test');
      const stream = await openStream('/api/v1/events', { cookie: user.cookie ?? '' });
      await stream.waitFor((m) => m.event === 'hello');
      expect((await call(admin, { method: 'PATCH', url: `/api/v1/access/users/${user.username ?? ''}`, payload: { disabled: true } })).statusCode).toBe(200);
      await stream.ended;
      expect((await call(user, { method: 'GET', url: '/api/v1/hosts/test/vms' })).statusCode).toBe(401);
      expect((await call(NOBODY, { method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: USER_PASSWORD } })).statusCode).toBe(401);
    });

    it('ending a session from another login ends its stream; a password change ends the other logins, not this one', async () => {
      const user = await createUser(`vt-two-logins-${suffix}`, 'Auditor', '/hosts/test');
      const second = await login(user.username ?? '', USER_PASSWORD);
      const stream = await openStream('/api/v1/events', { cookie: second.cookie ?? '' });
      await stream.waitFor((m) => m.event === 'hello');
      const sessions = (await call(user, { method: 'GET', url: '/api/v1/auth/sessions' })).json<{ sessions: { id: string; current: boolean }[] }>().sessions;
      expect(sessions).toHaveLength(2);
      const other = sessions.find((s) => !s.current);
      expect((await call(user, { method: 'DELETE', url: `/api/v1/auth/sessions/${other?.id ?? ''}` })).statusCode).toBe(204);
      await stream.ended;
      expect((await call(second, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);

      const third = await login(user.username ?? '', USER_PASSWORD);
      const thirdStream = await openStream('/api/v1/events', { cookie: third.cookie ?? '' });
      await thirdStream.waitFor((m) => m.event === 'hello');
      const newPassword = `${USER_PASSWORD}-new`;
      secrets.push(newPassword);
      const wrong = await call(user, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'not it at all', newPassword } });
      expect(wrong.statusCode).toBe(403);
      const changed = await call(user, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: USER_PASSWORD, newPassword } });
      expect(changed.statusCode).toBe(204);
      await thirdStream.ended;
      expect((await call(third, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      expect((await call(user, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
      await login(user.username ?? '', newPassword);
    });

    it('refuses to disable or delete the last Administrator (409)', async () => {
      const users = (await call(admin, { method: 'GET', url: '/api/v1/access/users' })).json<{ users: { username: string; grants: { id: number; role: string; path: string }[] }[] }>().users;
      const otherAdmin = users.find((u) => u.username !== 'admin' && u.grants.some((g) => g.role === 'Administrator' && g.path === '/'));
      if (otherAdmin !== undefined) {
        expect((await call(admin, { method: 'PATCH', url: `/api/v1/access/users/${otherAdmin.username}`, payload: { disabled: true } })).statusCode).toBe(200);
      }
      expect((await call(admin, { method: 'PATCH', url: '/api/v1/access/users/admin', payload: { disabled: true } })).statusCode).toBe(409);
      expect((await call(admin, { method: 'DELETE', url: '/api/v1/access/users/admin' })).statusCode).toBe(409);
      const adminGrant = users.find((u) => u.username === 'admin')?.grants[0];
      expect((await call(admin, { method: 'DELETE', url: `/api/v1/access/grants/${String(adminGrant?.id)}` })).statusCode).toBe(409);
      expect((await call(admin, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    });
  });

  describe('the audit log', () => {
    it('holds one entry per state-changing request of this test, with its user and status, and no secrets anywhere', async () => {
      const entries: AuditEntry[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = (await call(admin, { method: 'GET', url: `/api/v1/audit?limit=1000&offset=${String(offset)}` })).json<AuditPage>();
        entries.push(...page.entries);
        if (entries.length >= page.total) break;
      }
      const key = (m: { method: string; path: string; username?: string | undefined; status: number }) => `${m.method} ${m.path} ${m.username ?? '-'} ${String(m.status)}`;
      expect(entries.map(key).sort()).toEqual(mutations.map(key).sort());
      const start = entries.find((e) => e.path === `/api/v1/hosts/test/vms/${A.uuid}/start` && e.status === 200);
      expect(start).toMatchObject({ action: 'vm.start', object: `/hosts/test/vms/${A.uuid}`, address: '127.0.0.1' });
      expect(start?.durationMs).toBeGreaterThanOrEqual(0);
      const everything = readAnswers.join('\n');
      for (const secret of secrets) expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/scrypt\$/);
    });
  });

  describe('expiry', () => {
    let shortApp: App;
    let shortUrl: string;

    beforeAll(async () => {
      shortApp = await buildApp({ config: { ...config, dataDir: join(dir, 'short'), sessionMaxMs: 2000 }, spaRoot: '/nonexistent' });
      await shortApp.listen({ host: '127.0.0.1', port: 0 });
      const address = shortApp.server.address();
      if (address === null || typeof address === 'string') throw new Error('not listening');
      shortUrl = `http://127.0.0.1:${String(address.port)}`;
    });
    afterAll(async () => shortApp.close());

    it('ends the SSE stream of a session that reached its absolute limit within the sweep interval', async () => {
      const res = await shortApp.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: INJECT_ORIGIN }, payload: { username: 'admin', password: ADMIN_PASSWORD } });
      const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
      const stream = await new Promise<IncomingMessage>((resolve, reject) => get(`${shortUrl}/api/v1/events`, { headers: { cookie } }, resolve).on('error', reject));
      expect(stream.statusCode).toBe(200);
      stream.resume();
      const opened = Date.now();
      await new Promise<void>((resolve) => stream.on('close', () => resolve()));
      // 2 s of session, then at most one 5 s sweep.
      expect(Date.now() - opened).toBeLessThan(9000);
      expect((await shortApp.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    });
  });

  interface StreamMessage {
    event: string;
    data: string;
  }
  interface Stream {
    messages: StreamMessage[];
    ended: Promise<void>;
    waitFor: (match: (m: StreamMessage) => boolean, timeoutMs?: number) => Promise<StreamMessage>;
    close: () => void;
  }

  function openStream(path: string, headers: Record<string, string>): Promise<Stream> {
    return new Promise((resolve, reject) => {
      const req = get(`${baseUrl}${path}`, { headers: { accept: 'text/event-stream', ...headers } }, (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          reject(new Error(`stream answered ${String(res.statusCode)}`));
          return;
        }
        const messages: StreamMessage[] = [];
        let buffer = '';
        const waiters = new Set<() => void>();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== undefined && data !== undefined) messages.push({ event, data });
          }
          for (const wake of waiters) wake();
        });
        const ended = new Promise<void>((done) => res.on('close', () => done()));
        resolve({
          messages,
          ended,
          close: () => res.destroy(),
          waitFor: (match, timeoutMs = 10_000) =>
            new Promise((found, fail) => {
              const check = () => {
                const hit = messages.find(match);
                if (hit === undefined) return;
                waiters.delete(check);
                clearTimeout(timer);
                found(hit);
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(new Error(`no matching event within ${String(timeoutMs)} ms; got ${messages.map((m) => m.event).join(',')}`));
              }, timeoutMs);
              waiters.add(check);
              check();
            }),
        });
      });
      req.on('error', reject);
    });
  }
});
