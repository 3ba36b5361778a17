import type Database from 'better-sqlite3';
import type { Grant } from '../../../common/access.js';
import type { AccessStore, StoredToken } from '../access-store.js';
import { digestSecret, newPublicId, newSecret } from '../secrets.js';
import { isoTime } from './iso-time.js';

interface TokenRow {
  id: string;
  user_id: number;
  name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  grants: string;
}

/** lastUsedAt is written at most this often: a script polling the API must not write on every call. */
export const TOKEN_TOUCH_INTERVAL_MS = 10_000;

const TOKEN_COLUMNS = 'id, user_id, name, created_at, expires_at, last_used_at, grants';

function isGrant(value: unknown): value is Grant {
  return typeof value === 'object' && value !== null && 'role' in value && 'path' in value && typeof value.role === 'string' && typeof value.path === 'string';
}

function toToken(row: TokenRow): StoredToken {
  const parsed: unknown = JSON.parse(row.grants);
  const grants = Array.isArray(parsed) ? parsed.filter(isGrant).map(({ role, path }) => ({ role, path })) : [];
  const token: StoredToken = { id: row.id, userId: row.user_id, name: row.name, createdAt: row.created_at, grants };
  if (row.expires_at !== null) token.expiresAt = row.expires_at;
  if (row.last_used_at !== null) token.lastUsedAt = row.last_used_at;
  return token;
}

type TokenQueries = Pick<AccessStore, 'createToken' | 'useToken' | 'listTokens' | 'deleteToken'>;

/** `checkGrant` refuses a grant naming an unknown role or a malformed path (the role rules live with the roles). */
export function tokenQueries(db: Database.Database, checkGrant: (grant: Grant) => void): TokenQueries {
  const insert = db.prepare<[string, string, number, string, string, string | null, string]>(
    'INSERT INTO tokens (id, secret_hash, user_id, name, created_at, expires_at, grants) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const bySecret = db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE secret_hash = ?`);
  const touch = db.prepare<[string, string]>('UPDATE tokens SET last_used_at = ? WHERE id = ?');
  const byUser = db.prepare<[number], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE user_id = ? ORDER BY created_at, name`);
  const remove = db.prepare<[string, number]>('DELETE FROM tokens WHERE id = ? AND user_id = ?');

  return {
    createToken(userId, { name, expiresAt, grants }) {
      const expires = expiresAt === undefined ? undefined : isoTime(expiresAt, 'expiresAt');
      const plainGrants = grants.map(({ role, path }) => ({ role, path }));
      plainGrants.forEach(checkGrant);
      const secret = newSecret();
      const token: StoredToken = { id: newPublicId(), userId, name, createdAt: new Date().toISOString(), grants: plainGrants };
      if (expires !== undefined) token.expiresAt = expires;
      insert.run(token.id, digestSecret(secret), userId, name, token.createdAt, expires ?? null, JSON.stringify(plainGrants));
      return { secret, token };
    },

    useToken(secret, now = new Date()) {
      const row = bySecret.get(digestSecret(secret));
      if (!row) return undefined;
      const at = now.getTime();
      if (row.expires_at !== null && Date.parse(row.expires_at) <= at) return undefined;
      const token = toToken(row);
      if (row.last_used_at === null || at - Date.parse(row.last_used_at) >= TOKEN_TOUCH_INTERVAL_MS) {
        token.lastUsedAt = now.toISOString();
        touch.run(token.lastUsedAt, row.id);
      }
      return token;
    },

    listTokens: (userId) => byUser.all(userId).map(toToken),
    deleteToken: (userId, id) => remove.run(id, userId).changes === 1,
  };
}
