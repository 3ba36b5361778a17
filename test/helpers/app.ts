/**
 * The app as tests use it: real security on. `buildTestApp` builds it with a fresh data dir of its own
 * (removed on close) and the admin password from VIRTDECK_ADMIN_PASSWORD, logs in as `admin` and gives
 * `api(...)`: app.inject with the session cookie and the app's own Origin added.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type App, type BuildAppOptions } from '../../server/app.js';
import type { ServerConfig } from '../../server/config.js';
import { SESSION_COOKIE } from '../../common/access.js';

/** The Origin of app.inject requests: their Host header is `localhost:80`. */
export const INJECT_ORIGIN = 'http://localhost';
export const ADMIN_USERNAME = 'admin';
/** One password for every app of a test process; a random one when the environment gives none. */
export const ADMIN_PASSWORD = process.env['VIRTDECK_ADMIN_PASSWORD'] ?? `pw-${randomBytes(18).toString('hex')}`;

export type Api = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export interface TestAppOptions extends Omit<BuildAppOptions, 'config' | 'spaRoot'> {
  /** The config without auth settings; a `dataDir` given here is used as is and not removed. */
  config: ServerConfig;
  /** Defaults to a directory that does not exist: no SPA. */
  spaRoot?: string;
}

export interface TestApp {
  app: App;
  /** app.inject as the logged-in admin. */
  api: Api;
  /** `virtdeck_session=<secret>` of the admin's session. */
  cookie: string;
  dataDir: string;
  /** Cookie and Origin for a real-socket client of this app; call after `app.listen`. */
  socketHeaders(): Record<string, string>;
}

export async function buildTestApp(options: TestAppOptions): Promise<TestApp> {
  const ownsDataDir = options.config.dataDir === undefined;
  const dataDir = options.config.dataDir ?? mkdtempSync(join(tmpdir(), 'vt-data-'));
  let app: App;
  try {
    app = await buildApp({
      ...options,
      spaRoot: options.spaRoot ?? '/nonexistent',
      config: { ...options.config, dataDir, adminPassword: ADMIN_PASSWORD },
    });
  } catch (err) {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  if (ownsDataDir) app.addHook('onClose', () => rmSync(dataDir, { recursive: true, force: true }));
  const cookie = await login(app, ADMIN_USERNAME, ADMIN_PASSWORD);
  return { app, api: authenticatedInject(app, cookie), cookie, dataDir, socketHeaders: () => authHeaders(cookie, listeningOrigin(app)) };
}

/** Logs `username` in through POST /api/v1/auth/login; resolves with the session cookie. */
export async function login(app: App, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: INJECT_ORIGIN }, payload: { username, password } });
  if (res.statusCode !== 204) throw new Error(`login as ${username} answered ${String(res.statusCode)}: ${res.body.slice(0, 200)}`);
  const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (session === undefined) throw new Error(`login as ${username} set no ${SESSION_COOKIE} cookie`);
  return `${SESSION_COOKIE}=${session.value}`;
}

/** app.inject with `cookie` and the inject Origin; headers given per request win. */
export function authenticatedInject(app: App, cookie: string): Api {
  return (options) => app.inject({ ...options, headers: { cookie, origin: INJECT_ORIGIN, ...options.headers } });
}

/** Headers for SSE (http/fetch) and WebSocket (ws) clients: the cookie and the server's own Origin. */
export function authHeaders(cookie: string, origin: string): Record<string, string> {
  return { cookie, origin };
}

/** `http://127.0.0.1:<port>` of a listening app. */
export function listeningOrigin(app: App): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${String(address.port)}`;
}

/** Logs in to a server listening at `baseUrl` (another process) over HTTP; resolves with the session cookie. */
export async function loginOverHttp(baseUrl: string, username: string, password: string): Promise<string> {
  const origin = new URL(baseUrl).origin;
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 204) throw new Error(`login as ${username} at ${origin} answered ${String(res.status)}: ${(await res.text()).slice(0, 200)}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (session === undefined) throw new Error(`login as ${username} at ${origin} set no ${SESSION_COOKIE} cookie`);
  return session;
}
