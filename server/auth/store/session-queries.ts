import type Database from 'better-sqlite3';
import type { AccessStore, StoredSession } from '../access-store.js';
import { digestSecret, newPublicId, newSecret } from '../secrets.js';

interface SessionRow {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  address: string;
  user_agent: string;
}

/** lastSeenAt is written at most this often: a busy page must not turn every request into a disk write. */
export const SESSION_TOUCH_INTERVAL_MS = 5_000;

const SESSION_COLUMNS = 'id, user_id, created_at, last_seen_at, address, user_agent';

function toSession(row: SessionRow): StoredSession {
  return { id: row.id, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, address: row.address, userAgent: row.user_agent };
}

type SessionQueries = Pick<
  AccessStore,
  'createSession' | 'resumeSession' | 'listSessions' | 'deleteSession' | 'deleteSessionBySecret' | 'deleteSessionsOf'
>;

export function sessionQueries(db: Database.Database): SessionQueries {
  const insert = db.prepare<[string, string, number, string, string, string, string]>(
    'INSERT INTO sessions (id, secret_hash, user_id, created_at, last_seen_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const bySecret = db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE secret_hash = ?`);
  const touch = db.prepare<[string, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const byUser = db.prepare<[number], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE user_id = ? ORDER BY created_at`);
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');
  const removeBySecret = db.prepare<[string]>('DELETE FROM sessions WHERE secret_hash = ?');
  const removeOfUser = db.prepare<[number]>('DELETE FROM sessions WHERE user_id = ?');

  return {
    createSession(userId, { address, userAgent }) {
      const secret = newSecret();
      const at = new Date().toISOString();
      const session: StoredSession = { id: newPublicId(), userId, createdAt: at, lastSeenAt: at, address, userAgent };
      insert.run(session.id, digestSecret(secret), userId, at, at, address, userAgent);
      return { secret, session };
    },

    resumeSession(secret, { idleMs, absoluteMs }, now = new Date()) {
      const row = bySecret.get(digestSecret(secret));
      if (!row) return undefined;
      const at = now.getTime();
      const lastSeen = Date.parse(row.last_seen_at);
      if (at - lastSeen > idleMs || at - Date.parse(row.created_at) > absoluteMs) {
        remove.run(row.id);
        return undefined;
      }
      const session = toSession(row);
      if (at - lastSeen >= SESSION_TOUCH_INTERVAL_MS) {
        session.lastSeenAt = now.toISOString();
        touch.run(session.lastSeenAt, row.id);
      }
      return session;
    },

    listSessions: (userId) => byUser.all(userId).map(toSession),
    deleteSession: (id) => remove.run(id).changes === 1,
    deleteSessionBySecret: (secret) => removeBySecret.run(digestSecret(secret)).changes === 1,
    deleteSessionsOf: (userId) => removeOfUser.run(userId).changes,
  };
}
