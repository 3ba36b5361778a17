import type Database from 'better-sqlite3';
import type { AccessStore } from '../access-store.js';
import { digestSecret, newSecret } from '../secrets.js';

type SetupTokenQueries = Pick<AccessStore, 'createSetupToken' | 'consumeSetupToken'>;

export function setupTokenQueries(db: Database.Database): SetupTokenQueries {
  const removeAll = db.prepare('DELETE FROM setup_tokens');
  const insert = db.prepare<[string, string]>('INSERT INTO setup_tokens (secret_hash, expires_at) VALUES (?, ?)');
  // One statement, so two racing requests cannot both consume the token.
  const consume = db.prepare<[string, string]>('UPDATE setup_tokens SET used = 1 WHERE secret_hash = ? AND used = 0 AND expires_at > ?');

  return {
    createSetupToken(ttlMs) {
      const secret = newSecret();
      const expiresAt = new Date(Date.now() + ttlMs).toISOString();
      db.transaction(() => {
        removeAll.run();
        insert.run(digestSecret(secret), expiresAt);
      }).immediate();
      return secret;
    },
    consumeSetupToken: (secret, now = new Date()) => consume.run(digestSecret(secret), now.toISOString()).changes === 1,
  };
}
