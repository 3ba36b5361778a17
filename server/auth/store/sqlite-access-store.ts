import { isAclPath, type Grant } from '../../../common/access.js';
import type { AccessStore } from '../access-store.js';
import { AccessStoreError } from './access-store-error.js';
import { auditQueries } from './audit-queries.js';
import { runMigrations } from './migrations.js';
import { groupQueries } from './group-queries.js';
import { openDatabase } from './open-database.js';
import { roleQueries } from './role-queries.js';
import { sessionQueries } from './session-queries.js';
import { setupTokenQueries } from './setup-token-queries.js';
import { tokenQueries } from './token-queries.js';
import { userQueries } from './user-queries.js';

export { AccessStoreError, type AccessStoreErrorCode } from './access-store-error.js';

/** The AccessStore kept in `<dataDir>/virtdeck.db` (created, with its directory, on first use). */
export function openSqliteAccessStore(dataDir: string): AccessStore {
  const db = openDatabase(dataDir);
  try {
    runMigrations(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const { roleNamed, ...roles } = roleQueries(db);
  const checkGrant = (grant: Grant): void => {
    if (!isAclPath(grant.path)) throw new AccessStoreError('INVALID_PATH', `${JSON.stringify(grant.path)} is not an ACL path`);
    if (!roleNamed(grant.role)) throw new AccessStoreError('UNKNOWN_ROLE', `Unknown role ${grant.role}`);
  };
  return {
    ...userQueries(db),
    ...roles,
    ...sessionQueries(db),
    ...tokenQueries(db, checkGrant),
    ...groupQueries(db, checkGrant),
    ...setupTokenQueries(db),
    ...auditQueries(db),
    close: () => db.close(),
  };
}
