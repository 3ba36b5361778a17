import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, databaseFiles } from './open-database.js';
import { openSqliteAccessStore } from './sqlite-access-store.js';
import { temporaryDataDir } from './store.test-helpers.js';

describe('the database file', () => {
  let cleanUp = (): void => {};
  afterEach(() => cleanUp());

  it('holds no password or secret in plain text', async () => {
    const temp = temporaryDataDir();
    cleanUp = temp.cleanUp;
    const store = openSqliteAccessStore(temp.dataDir);
    const passwords = ['first password Zq8!', 'second password Wx3?'];
    const alice = await store.createUser({ username: 'alice', realm: 'local', password: passwords[0] });
    await store.setPassword('alice', passwords[1] ?? '');
    const secrets = [
      store.createSession(alice.id, { address: '::1', userAgent: 'test' }).secret,
      store.createToken(alice.id, { name: 'ci', grants: [] }).secret,
      store.createSetupToken(60_000),
    ];
    const plaintexts = [...passwords, ...secrets];

    const db = new Database(join(temp.dataDir, DATABASE_FILE), { readonly: true });
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    const values = tables.flatMap(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all().flatMap((row) => Object.values(row as object)));
    db.close();
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) {
      for (const plaintext of plaintexts) expect(String(value)).not.toContain(plaintext);
    }

    let scanned = '';
    for (const file of databaseFiles(temp.dataDir)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      scanned += bytes.toString('latin1');
      for (const plaintext of plaintexts) expect(bytes.includes(plaintext)).toBe(false);
    }
    expect(scanned).toContain('alice');
    store.close();
  });
});
