import type Database from 'better-sqlite3';
import type { Realm } from '../../../common/access.js';
import type { AccessStore, StoredUser } from '../access-store.js';
import { hashPassword, prepareDummyHash, verifyAgainstDummy, verifyPasswordHash } from '../passwords.js';
import { AccessStoreError } from './access-store-error.js';

export interface UserRow {
  id: number;
  username: string;
  realm: Realm;
  display_name: string | null;
  disabled: number;
  created_at: string;
}

export const USER_COLUMNS = 'id, username, realm, display_name, disabled, created_at';

export function toUser(row: UserRow): StoredUser {
  const user: StoredUser = { id: row.id, username: row.username, realm: row.realm, disabled: row.disabled === 1, createdAt: row.created_at };
  if (row.display_name !== null) user.displayName = row.display_name;
  return user;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

type UserQueries = Pick<
  AccessStore,
  'countUsers' | 'createUser' | 'findUser' | 'userById' | 'listUsers' | 'updateUser' | 'deleteUser' | 'verifyPassword' | 'setPassword'
>;

export function userQueries(db: Database.Database): UserQueries {
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const insert = db.prepare<[string, Realm, string | null, string | null, string], { id: number }>(
    'INSERT INTO users (username, realm, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
  );
  const byName = db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`);
  const byId = db.prepare<[number], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);
  const all = db.prepare<[], UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
  const setDisabled = db.prepare<[number, string]>('UPDATE users SET disabled = ? WHERE username = ?');
  const setDisplayName = db.prepare<[string | null, string]>('UPDATE users SET display_name = ? WHERE username = ?');
  const remove = db.prepare<[string]>('DELETE FROM users WHERE username = ?');
  const credentials = db.prepare<[string], UserRow & { password_hash: string | null }>(
    `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE username = ?`,
  );
  const setHash = db.prepare<[string, string]>("UPDATE users SET password_hash = ? WHERE username = ? AND realm = 'local'");

  prepareDummyHash();

  const findUser = (username: string): StoredUser | undefined => {
    const row = byName.get(username);
    return row && toUser(row);
  };

  return {
    countUsers: () => count.get()?.n ?? 0,

    async createUser({ username, realm, password, displayName }) {
      if (byName.get(username)) throw new AccessStoreError('USER_EXISTS', `User ${username} already exists`);
      if (realm === 'local' && !password) throw new AccessStoreError('PASSWORD_REQUIRED', 'A local user needs a password');
      const hash = realm === 'local' && password ? await hashPassword(password) : null;
      try {
        insert.run(username, realm, displayName ?? null, hash, new Date().toISOString());
      } catch (error) {
        if (isUniqueViolation(error)) throw new AccessStoreError('USER_EXISTS', `User ${username} already exists`);
        throw error;
      }
      const created = findUser(username);
      if (!created) throw new Error(`User ${username} vanished right after it was created`);
      return created;
    },

    findUser,
    userById(id) {
      const row = byId.get(id);
      return row && toUser(row);
    },
    listUsers: () => all.all().map(toUser),

    updateUser(username, change) {
      const update = db.transaction(() => {
        if (!byName.get(username)) return undefined;
        if (change.disabled !== undefined) setDisabled.run(change.disabled ? 1 : 0, username);
        if (change.displayName !== undefined) setDisplayName.run(change.displayName === '' ? null : change.displayName, username);
        return findUser(username);
      });
      return update.immediate();
    },

    deleteUser: (username) => remove.run(username).changes === 1,

    async verifyPassword(username, password) {
      const row = credentials.get(username);
      if (!row || row.realm !== 'local' || row.password_hash === null) return verifyAgainstDummy(password).then(() => undefined);
      const matches = await verifyPasswordHash(password, row.password_hash);
      if (!matches || row.disabled === 1) return undefined;
      // Re-read: the user may have been disabled or deleted while the hash was being computed.
      const current = findUser(username);
      return current && !current.disabled ? current : undefined;
    },

    async setPassword(username, password) {
      const row = byName.get(username);
      if (!row || row.realm !== 'local') return false;
      const hash = await hashPassword(password);
      return setHash.run(hash, username).changes === 1;
    },
  };
}
