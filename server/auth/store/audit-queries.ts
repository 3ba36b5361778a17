import type Database from 'better-sqlite3';
import type { AuditEntry, AuditQuery } from '../../../common/access.js';
import type { AccessStore } from '../access-store.js';
import { isoTime } from './iso-time.js';

interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  address: string;
  method: string;
  path: string;
  object: string | null;
  action: string;
  summary: string | null;
  status: number;
  duration_ms: number;
}

export const DEFAULT_AUDIT_LIMIT = 100;
const AUDIT_COLUMNS = 'id, at, username, address, method, path, object, action, summary, status, duration_ms';

function toEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    id: row.id,
    at: row.at,
    address: row.address,
    method: row.method,
    path: row.path,
    action: row.action,
    status: row.status,
    durationMs: row.duration_ms,
  };
  if (row.username !== null) entry.username = row.username;
  if (row.object !== null) entry.object = row.object;
  if (row.summary !== null) entry.summary = row.summary;
  return entry;
}

type Params = Record<string, string | number>;

/** The WHERE clause and its named parameters for a query; the clause depends only on which filters are set. */
function whereClause(query: AuditQuery): { sql: string; params: Params } {
  const conditions: string[] = [];
  const params: Params = {};
  if (query.user !== undefined) {
    conditions.push('username = @user');
    params.user = query.user;
  }
  if (query.object !== undefined && query.object !== '/') {
    // The object itself or anything below it: `/hosts/a` covers `/hosts/a/vms/x`, not `/hosts/ab`.
    // Everything starting with `<object>/` sorts between `<object>/` and `<object>0` ('0' follows '/'), which the index serves.
    const scope = query.object.replace(/\/+$/, '');
    conditions.push('(object = @object OR (object >= @below AND object < @beyond))');
    Object.assign(params, { object: scope, below: `${scope}/`, beyond: `${scope}0` });
  } else if (query.object === '/') {
    conditions.push('object IS NOT NULL');
  }
  if (query.from !== undefined) {
    conditions.push('at >= @from');
    params.from = isoTime(query.from, 'from');
  }
  if (query.to !== undefined) {
    conditions.push('at <= @to');
    params.to = isoTime(query.to, 'to');
  }
  if (query.result === 'success') conditions.push('status < 400');
  if (query.result === 'failure') conditions.push('status >= 400');
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

type AuditQueries = Pick<AccessStore, 'appendAudit' | 'queryAudit' | 'pruneAudit'>;

export function auditQueries(db: Database.Database): AuditQueries {
  const insert = db.prepare<[Omit<AuditRow, 'id'>]>(
    `INSERT INTO audit (at, username, address, method, path, object, action, summary, status, duration_ms)
     VALUES (@at, @username, @address, @method, @path, @object, @action, @summary, @status, @duration_ms)`,
  );
  const prune = db.prepare<[string]>('DELETE FROM audit WHERE at < ?');
  // At most 2^5 filter combinations, each prepared once.
  const pages = new Map<string, Database.Statement<[Params], AuditRow>>();
  const counts = new Map<string, Database.Statement<[Params], { n: number }>>();

  return {
    appendAudit(entry) {
      insert.run({
        at: isoTime(entry.at, 'at'),
        username: entry.username ?? null,
        address: entry.address,
        method: entry.method,
        path: entry.path,
        object: entry.object ?? null,
        action: entry.action,
        summary: entry.summary ?? null,
        status: entry.status,
        duration_ms: entry.durationMs,
      });
    },

    queryAudit(query) {
      const { sql, params } = whereClause(query);
      let page = pages.get(sql);
      if (!page) {
        page = db.prepare<[Params], AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit ${sql} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`);
        pages.set(sql, page);
      }
      let count = counts.get(sql);
      if (!count) {
        count = db.prepare<[Params], { n: number }>(`SELECT count(*) AS n FROM audit ${sql}`);
        counts.set(sql, count);
      }
      const read = db.transaction(() => ({
        entries: page.all({ ...params, limit: query.limit ?? DEFAULT_AUDIT_LIMIT, offset: query.offset ?? 0 }).map(toEntry),
        total: count.get(params)?.n ?? 0,
      }));
      return read();
    },

    pruneAudit: (olderThan) => prune.run(olderThan.toISOString()).changes,
  };
}
