import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteAccessStore } from '../auth/store/sqlite-access-store.js';
import { temporaryDataDir } from '../auth/store/store.test-helpers.js';

const root = resolve(import.meta.dirname, '../..');
const cleanUps: Array<() => void> = [];
afterEach(() => {
  for (const cleanUp of cleanUps.splice(0)) cleanUp();
});

function admin(dataDir: string, args: string[], stdin = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'server/admin/main.ts'), ...args], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, VIRTDECK_DATA_DIR: dataDir },
    timeout: 30_000,
  });
}

async function seeded(): Promise<string> {
  const { dataDir, cleanUp } = temporaryDataDir();
  cleanUps.push(cleanUp);
  const store = openSqliteAccessStore(dataDir);
  const user = await store.createUser({ username: 'admin', realm: 'local', password: 'the-old-password' });
  store.createSession(user.id, { address: '127.0.0.1', userAgent: 'test' });
  store.close();
  return dataDir;
}

describe('npm run admin', { timeout: 60_000 }, () => {
  it('reset-password sets the password read from stdin and ends the sessions', async () => {
    const dataDir = await seeded();
    const result = admin(dataDir, ['reset-password', 'admin'], 'a-brand-new-password\n');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 session(s) ended');
    expect(result.stdout).not.toContain('a-brand-new-password');
    const store = openSqliteAccessStore(dataDir);
    try {
      expect(await store.verifyPassword('admin', 'a-brand-new-password')).toBeDefined();
      expect(await store.verifyPassword('admin', 'the-old-password')).toBeUndefined();
      expect(store.listSessions(store.findUser('admin')?.id ?? -1)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('refuses a short password, an unknown user and an unknown command, changing nothing', async () => {
    const dataDir = await seeded();
    const short = admin(dataDir, ['reset-password', 'admin'], 'short\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const unknown = admin(dataDir, ['reset-password', 'nobody'], 'a-brand-new-password\n');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no user "nobody"/);
    expect(admin(dataDir, ['frobnicate']).stderr).toMatch(/unknown command/);
    const store = openSqliteAccessStore(dataDir);
    try {
      expect(await store.verifyPassword('admin', 'the-old-password')).toBeDefined();
    } finally {
      store.close();
    }
  });
});
