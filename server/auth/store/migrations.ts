import type Database from 'better-sqlite3';
import { AccessStoreError } from './access-store-error.js';

interface Migration {
  version: number;
  sql: string;
}

/** Append only: a shipped migration never changes; a new schema is a new entry with the next version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        realm TEXT NOT NULL CHECK (realm IN ('local', 'pam')),
        display_name TEXT,
        password_hash TEXT,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL
      );
      CREATE TABLE roles (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        privileges TEXT NOT NULL
      );
      CREATE TABLE grants (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        path TEXT NOT NULL,
        UNIQUE (user_id, role, path)
      );
      CREATE INDEX grants_role ON grants(role);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        address TEXT NOT NULL,
        user_agent TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        last_used_at TEXT,
        grants TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX tokens_user ON tokens(user_id);
      CREATE TABLE setup_tokens (
        secret_hash TEXT PRIMARY KEY,
        expires_at TEXT NOT NULL,
        used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        username TEXT,
        address TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        object TEXT,
        action TEXT NOT NULL,
        summary TEXT,
        status INTEGER NOT NULL,
        duration_ms REAL NOT NULL
      );
      CREATE INDEX audit_at ON audit(at);
      CREATE INDEX audit_username ON audit(username);
      CREATE INDEX audit_object ON audit(object);
    `,
  },
  {
    // Groups: a grant now belongs to a user or to a group, never both (SQLite rebuilds a table to change a constraint).
    version: 2,
    sql: `
      CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX group_members_user ON group_members(user_id);
      CREATE TABLE grants_v2 (
        id INTEGER PRIMARY KEY,
        user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
        group_id INTEGER REFERENCES groups(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        path TEXT NOT NULL,
        CHECK ((user_id IS NULL) <> (group_id IS NULL)),
        UNIQUE (user_id, role, path),
        UNIQUE (group_id, role, path)
      );
      INSERT INTO grants_v2 (id, user_id, role, path) SELECT id, user_id, role, path FROM grants;
      DROP TABLE grants;
      ALTER TABLE grants_v2 RENAME TO grants;
      CREATE INDEX grants_role ON grants(role);
      CREATE INDEX grants_group ON grants(group_id);
    `,
  },
];

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Brings the schema to the newest version; each step runs in its own transaction with its version bump. */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AccessStoreError('SCHEMA_TOO_NEW', `The store has schema version ${current}; this virtdeck knows up to ${latest}`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Another process may have migrated between our read and this write lock.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
