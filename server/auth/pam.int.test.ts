import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, type Me, type UserSummary } from '../../common/access.js';
import type { App } from '../app.js';
import { authenticatedInject, buildTestApp, INJECT_ORIGIN, type Api } from '../../test/helpers/app.js';
import { PAM_SERVICE_FILE } from './pam.js';

const config = { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 };
const suffix = randomBytes(4).toString('hex');
/** A Linux account made for this test, and a virtdeck pam user of its name. */
const LINUX_USER = `vt-pam-${suffix}`;
/** A Linux account virtdeck does not know. */
const STRANGER = `vt-pam-${suffix}-x`;
const SYSTEM_PASSWORD = `sys-${randomBytes(12).toString('hex')}`;

function makeLinuxUser(name: string): void {
  execFileSync('useradd', ['-M', '-s', '/usr/sbin/nologin', name]);
  execFileSync('chpasswd', { input: `${name}:${SYSTEM_PASSWORD}\n` });
}

function removeLinuxUser(name: string): void {
  try {
    execFileSync('userdel', [name], { stdio: 'ignore' });
  } catch {
    // Never created (the set-up failed before it).
  }
}

describe('logins of Linux accounts (realm pam)', () => {
  let app: App;
  let api: Api;
  // Each test logs in from an address of its own, so that one test's failures do not throttle the next.
  const login = (username: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: INJECT_ORIGIN }, payload: { username, password }, remoteAddress });

  beforeAll(async () => {
    // PAM checks other accounts' passwords only for root: CI runs as root, so a skip would hide a failure.
    if (process.getuid?.() !== 0) throw new Error('pam.int.test.ts must run as root: it creates Linux accounts and checks their passwords through PAM');
    if (!existsSync(PAM_SERVICE_FILE)) throw new Error(`${PAM_SERVICE_FILE} is missing: run scripts/setup-host as root`);
    makeLinuxUser(LINUX_USER);
    makeLinuxUser(STRANGER);
    ({ app, api } = await buildTestApp({ config }));
    const created = await api({ method: 'POST', url: '/api/v1/access/users', payload: { username: LINUX_USER, realm: 'pam' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<UserSummary>().realm).toBe('pam');
    const granted = await api({ method: 'POST', url: '/api/v1/access/grants', payload: { username: LINUX_USER, role: 'Auditor', path: '/' } });
    expect(granted.statusCode, granted.body).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    removeLinuxUser(LINUX_USER);
    removeLinuxUser(STRANGER);
  });

  it('logs a pam user in with the system password; /auth/me shows realm pam and the granted role', async () => {
    const res = await login(LINUX_USER, SYSTEM_PASSWORD, '192.0.2.1');
    expect(res.statusCode, res.body).toBe(204);
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session?.value).toBeTruthy();
    const me = await authenticatedInject(app, `${SESSION_COOKIE}=${session?.value ?? ''}`)({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    const body = me.json<Me>();
    expect(body).toMatchObject({ username: LINUX_USER, realm: 'pam', via: 'session' });
    expect(body.grants).toEqual([{ role: 'Auditor', path: '/' }]);
  });

  it('refuses a wrong password and a Linux account virtdeck does not know with the same answer', async () => {
    const timed = async (username: string, password: string) => {
      const startedAt = Date.now();
      const res = await login(username, password, '192.0.2.2');
      return { res, ms: Date.now() - startedAt };
    };
    const attempts = [
      await timed(LINUX_USER, `${SYSTEM_PASSWORD}-no`),
      await timed(STRANGER, SYSTEM_PASSWORD),
      await timed(`vt-nobody-${suffix}`, SYSTEM_PASSWORD),
    ];
    for (const { res, ms } of attempts) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toEqual([]);
      // Every failure takes about as long as PAM's refusal, so timing does not tell a pam user either.
      expect(ms).toBeGreaterThanOrEqual(1400);
    }
    const [wrong, stranger, nobody] = attempts.map((a) => a.res);
    if (wrong === undefined || stranger === undefined || nobody === undefined) throw new Error('three attempts expected');
    expect(wrong.json()).toEqual(stranger.json());
    expect(stranger.json()).toEqual(nobody.json());
    expect(wrong.json()).toMatchObject({ error: { code: 'LOGIN_FAILED' } });
  });

  it('refuses a disabled pam user even with the right password', async () => {
    const disabled = await api({ method: 'PATCH', url: `/api/v1/access/users/${LINUX_USER}`, payload: { disabled: true } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const res = await login(LINUX_USER, SYSTEM_PASSWORD, '192.0.2.3');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'LOGIN_FAILED' } });
    await api({ method: 'PATCH', url: `/api/v1/access/users/${LINUX_USER}`, payload: { disabled: false } });
  });

  it('keeps no password for a pam user and refuses to set one', async () => {
    const withPassword = await api({ method: 'POST', url: '/api/v1/access/users', payload: { username: `vt-pam2-${suffix}`, realm: 'pam', password: 'twelve-chars-or-more' } });
    expect(withPassword.statusCode).toBe(400);
    const localWithout = await api({ method: 'POST', url: '/api/v1/access/users', payload: { username: `vt-local-${suffix}` } });
    expect(localWithout.statusCode).toBe(400);
    const users = await api({ method: 'GET', url: '/api/v1/access/users' });
    expect(users.json<{ users: UserSummary[] }>().users.map((u) => u.username).filter((n) => n.endsWith(suffix))).toEqual([LINUX_USER]);
    const reset = await api({ method: 'PATCH', url: `/api/v1/access/users/${LINUX_USER}`, payload: { password: 'twelve-chars-or-more' } });
    expect(reset.statusCode).toBe(400);
    expect(reset.json<{ error: { message: string } }>().error.message).toMatch(/host/);
    expect((await login(LINUX_USER, 'twelve-chars-or-more', '192.0.2.4')).statusCode).toBe(401);
    expect((await login(LINUX_USER, SYSTEM_PASSWORD, '192.0.2.4')).statusCode).toBe(204);
  });

  it('audits pam logins and their failures without the password', async () => {
    const audit = await api({ method: 'GET', url: `/api/v1/audit?user=${LINUX_USER}&limit=100` });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('/api/v1/auth/login');
    expect(audit.body).not.toContain(SYSTEM_PASSWORD);
  });
});
