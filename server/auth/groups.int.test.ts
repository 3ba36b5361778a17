import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, GroupList, TokenCreated, UserList } from '../../common/access.js';
import type { VmSummary } from '../../common/vms.js';
import { authenticatedInject, authHeaders, buildTestApp, listeningOrigin, login, type Api, type TestApp } from '../../test/helpers/app.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';

const suffix = randomBytes(4).toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'vt-groups-'));
const PASSWORD = `user-pw-${randomBytes(12).toString('hex')}`;
const USERNAME = `vt-grp-${suffix}`;
const GROUP = `Ops ${suffix}`;
const groupUrl = `/api/v1/access/groups/${encodeURIComponent(GROUP)}`;
const memberUrl = `${groupUrl}/members/${USERNAME}`;

const domain = (tag: string) => ({
  name: `vt-grp-${suffix}-${tag}`,
  uuid: `${randomBytes(4).toString('hex')}-2222-4333-8444-${randomBytes(6).toString('hex')}`,
});
const A = domain('a');
const B = domain('b');

/** Opens the event stream over a real socket; resolves once its first event arrived, with a promise of its end. */
function openStream(url: string, headers: Record<string, string>): Promise<{ ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${String(res.statusCode)}`));
        return;
      }
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      res.setEncoding('utf8');
      res.once('data', () => resolve({ ended }));
    });
    req.on('error', reject);
  });
}

const domainXml = (d: { name: string; uuid: string }): string =>
  `<domain type='test'><name>${d.name}</name><uuid>${d.uuid}</uuid><memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>`;

describe('groups: a role granted to a group reaches its members, on test:///default', () => {
  let test: TestApp;
  let admin: Api;
  let member: Api;
  let memberCookie: string;

  beforeAll(async () => {
    test = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } });
    admin = test.api;
    await test.app.hosts.ready('test');
    // The app holds test:///default open, so what virsh defines now lives until the app closes.
    for (const d of [A, B]) {
      const file = join(dir, `${d.name}.xml`);
      writeFileSync(file, domainXml(d));
      await virsh(TEST_VIRSH_URI, 'define', file);
    }
    expect((await admin({ method: 'POST', url: '/api/v1/access/users', payload: { username: USERNAME, password: PASSWORD } })).statusCode).toBe(201);
    memberCookie = await login(test.app, USERNAME, PASSWORD);
    member = authenticatedInject(test.app, memberCookie);
    await test.app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    for (const d of [A, B]) {
      await virshOrNull(TEST_VIRSH_URI, 'destroy', d.uuid);
      await virshOrNull(TEST_VIRSH_URI, 'undefine', d.uuid);
    }
    await test.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const vmNames = async (api: Api): Promise<{ status: number; names: string[] }> => {
    const res = await api({ method: 'GET', url: '/api/v1/hosts/test/vms' });
    const names = res.statusCode === 200 ? res.json<{ vms: VmSummary[] }>().vms.map((v) => v.name).filter((n) => n.includes(suffix)) : [];
    return { status: res.statusCode, names };
  };

  it('creates a group, grants it Operator on VM A and adds the user', async () => {
    const created = await admin({ method: 'POST', url: '/api/v1/access/groups', payload: { name: GROUP, description: 'Runs VM A' } });
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin({ method: 'POST', url: '/api/v1/access/groups', payload: { name: GROUP.toUpperCase() } })).statusCode).toBe(409);
    const path = `/hosts/test/vms/${A.uuid}`;
    const both = await admin({ method: 'POST', url: '/api/v1/access/grants', payload: { username: USERNAME, group: GROUP, role: 'Operator', path } });
    expect(both.statusCode).toBe(400);
    expect((await admin({ method: 'POST', url: '/api/v1/access/grants', payload: { role: 'Operator', path } })).statusCode).toBe(400);
    expect((await admin({ method: 'POST', url: '/api/v1/access/grants', payload: { group: 'Nobody', role: 'Operator', path } })).statusCode).toBe(404);
    const grant = await admin({ method: 'POST', url: '/api/v1/access/grants', payload: { group: GROUP, role: 'Operator', path } });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json()).toEqual({ id: expect.any(Number), group: GROUP, role: 'Operator', path });

    expect(await vmNames(member)).toEqual({ status: 403, names: [] });
    expect((await admin({ method: 'PUT', url: memberUrl, payload: {} })).statusCode).toBe(204);
    expect((await admin({ method: 'PUT', url: `${groupUrl}/members/nobody-${suffix}`, payload: {} })).statusCode).toBe(404);

    const groups = (await admin({ method: 'GET', url: '/api/v1/access/groups' })).json<GroupList>().groups;
    expect(groups).toEqual([{ name: GROUP, description: 'Runs VM A', createdAt: expect.any(String), members: [USERNAME], grants: [{ id: grant.json<{ id: number }>().id, role: 'Operator', path }] }]);
    const users = (await admin({ method: 'GET', url: '/api/v1/access/users' })).json<UserList>().users;
    expect(users.find((u) => u.username === USERNAME)).toMatchObject({ grants: [], groups: [GROUP] });
  });

  it('lets the member see and start VM A only; B is refused and unchanged', async () => {
    expect(await vmNames(member)).toEqual({ status: 200, names: [A.name] });
    const start = await member({ method: 'POST', url: `/api/v1/hosts/test/vms/${A.uuid}/start` });
    expect(start.statusCode, start.body).toBeLessThan(300);
    expect(await virsh(TEST_VIRSH_URI, 'domstate', A.uuid)).toBe('running');

    const refused = await member({ method: 'POST', url: `/api/v1/hosts/test/vms/${B.uuid}/start` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
    expect(await virsh(TEST_VIRSH_URI, 'domstate', B.uuid)).toBe('shut off');
  });

  it('lets the member give a token only what the group gives them; the token follows the membership', async () => {
    const path = `/hosts/test/vms/${A.uuid}`;
    const refused = await member({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'too much', grants: [{ role: 'Operator', path: '/hosts/test' }] } });
    expect(refused.statusCode).toBe(400);
    const created = await member({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'vm a', grants: [{ role: 'Operator', path }] } });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = created.json<TokenCreated>();
    const byToken = (url: string) => test.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await byToken(`/api/v1/hosts/test/vms/${A.uuid}`)).statusCode).toBe(200);
    expect((await byToken(`/api/v1/hosts/test/vms/${B.uuid}`)).statusCode).toBe(403);
    expect((await admin({ method: 'DELETE', url: memberUrl })).statusCode).toBe(204);
    expect((await byToken(`/api/v1/hosts/test/vms/${A.uuid}`)).statusCode).toBe(403);
    expect((await admin({ method: 'PUT', url: memberUrl, payload: {} })).statusCode).toBe(204);
    expect((await byToken(`/api/v1/hosts/test/vms/${A.uuid}`)).statusCode).toBe(200);
  });

  it('refuses the user at once when removed from the group and ends their event stream, leaving A as it was', async () => {
    const origin = listeningOrigin(test.app);
    const stream = await openStream(`${origin}/api/v1/events`, authHeaders(memberCookie, origin));
    expect((await admin({ method: 'DELETE', url: memberUrl })).statusCode).toBe(204);
    await stream.ended;
    expect((await admin({ method: 'DELETE', url: memberUrl })).statusCode).toBe(404);
    const destroy = await member({ method: 'POST', url: `/api/v1/hosts/test/vms/${A.uuid}/destroy` });
    expect(destroy.statusCode).toBe(403);
    expect(await virsh(TEST_VIRSH_URI, 'domstate', A.uuid)).toBe('running');
    expect(await vmNames(member)).toEqual({ status: 403, names: [] });
    const users = (await admin({ method: 'GET', url: '/api/v1/access/users' })).json<UserList>().users;
    expect(users.find((u) => u.username === USERNAME)?.groups).toEqual([]);
  });

  it('keeps an administrator: admin held only through a group cannot be removed from the last one', async () => {
    const admins = `Admins ${suffix}`;
    const adminsUrl = `/api/v1/access/groups/${encodeURIComponent(admins)}`;
    expect((await admin({ method: 'POST', url: '/api/v1/access/groups', payload: { name: admins } })).statusCode).toBe(201);
    const groupGrant = await admin({ method: 'POST', url: '/api/v1/access/grants', payload: { group: admins, role: 'Administrator', path: '/' } });
    expect((await admin({ method: 'PUT', url: `${adminsUrl}/members/admin`, payload: {} })).statusCode).toBe(204);
    const own = (await admin({ method: 'GET', url: '/api/v1/access/users' })).json<UserList>().users.find((u) => u.username === 'admin')?.grants ?? [];
    expect(own).toHaveLength(1);
    expect((await admin({ method: 'DELETE', url: `/api/v1/access/grants/${String(own[0]?.id)}` })).statusCode).toBe(204);

    expect((await admin({ method: 'DELETE', url: `${adminsUrl}/members/admin` })).statusCode).toBe(409);
    expect((await admin({ method: 'DELETE', url: adminsUrl })).statusCode).toBe(409);
    expect((await admin({ method: 'DELETE', url: `/api/v1/access/grants/${String(groupGrant.json<{ id: number }>().id)}` })).statusCode).toBe(409);
    expect((await admin({ method: 'GET', url: '/api/v1/access/users' })).statusCode).toBe(200);

    expect((await admin({ method: 'POST', url: '/api/v1/access/grants', payload: { username: 'admin', role: 'Administrator', path: '/' } })).statusCode).toBe(201);
    expect((await admin({ method: 'DELETE', url: adminsUrl })).statusCode).toBe(204);
  });

  it('deletes the group with its grants, and audits every change by name', async () => {
    expect((await admin({ method: 'DELETE', url: groupUrl })).statusCode).toBe(204);
    expect((await admin({ method: 'DELETE', url: groupUrl })).statusCode).toBe(404);
    expect((await admin({ method: 'GET', url: '/api/v1/access/groups' })).json<GroupList>().groups).toEqual([]);
    const audit = (await admin({ method: 'GET', url: '/api/v1/audit?user=admin&limit=1000' })).json<AuditPage>().entries;
    const actions = audit.map((e) => `${e.action} ${String(e.status)}`);
    for (const expected of ['group.create 201', 'group.create 409', 'grant.create 201', 'grant.create 400', 'group.member.add 204', 'group.member.remove 204', 'group.delete 204']) {
      expect(actions).toContain(expected);
    }
  });
});
