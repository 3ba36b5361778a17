import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessStoreError } from './access-store-error.js';
import { MIGRATIONS, runMigrations, schemaVersion } from './migrations.js';
import { DATABASE_FILE, databaseFiles, openDatabase } from './open-database.js';
import { openSqliteAccessStore } from './sqlite-access-store.js';
import { temporaryDataDir } from './store.test-helpers.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('opening the store', () => {
  let cleanUp = (): void => {};
  afterEach(() => cleanUp());

  it('creates the data dir 0700 and the database files 0600, in WAL mode with foreign keys on', async () => {
    const temp = temporaryDataDir();
    cleanUp = temp.cleanUp;
    const store = openSqliteAccessStore(temp.dataDir);
    await store.createUser({ username: 'alice', realm: 'local', password: 'a password that is long' });
    expect(mode(temp.dataDir)).toBe(0o700);
    const [file, wal, shm] = databaseFiles(temp.dataDir);
    for (const path of [file, wal, shm]) expect(mode(path ?? '')).toBe(0o600);
    store.close();

    const db = new Database(join(temp.dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const opened = openDatabase(temp.dataDir);
    expect(opened.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    opened.close();
  });

  it('runs each migration once and leaves a reopened store as it was', async () => {
    const temp = temporaryDataDir();
    cleanUp = temp.cleanUp;
    const first = openSqliteAccessStore(temp.dataDir);
    await first.createUser({ username: 'alice', realm: 'local', password: 'a password that is long' });
    first.close();

    const db = openDatabase(temp.dataDir);
    const latest = MIGRATIONS.at(-1)?.version;
    expect(schemaVersion(db)).toBe(latest);
    expect(runMigrations(db)).toBe(latest);
    db.close();

    const again = openSqliteAccessStore(temp.dataDir);
    expect(again.listUsers().map((u) => u.username)).toEqual(['alice']);
    again.close();
  });

  it('rolls a failing migration back entirely', () => {
    const temp = temporaryDataDir();
    cleanUp = temp.cleanUp;
    const db = openDatabase(temp.dataDir);
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, sql: 'CREATE TABLE extra (x INTEGER); SELECT * FROM missing_table;' }];
    expect(() => runMigrations(db, broken)).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a store written by a newer schema', () => {
    const temp = temporaryDataDir();
    cleanUp = temp.cleanUp;
    const db = openDatabase(temp.dataDir);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openSqliteAccessStore(temp.dataDir)).toThrow(AccessStoreError);
  });
});
