import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessStore } from './access-store.js';
import { auditSummary } from './redact.js';
import { actionOf, objectOf, type RouteParams } from './route-access.js';

const DAY_MS = 24 * 3600_000;
/** Calls that name their user in the body because nobody is logged in yet. */
const USER_FROM_BODY = new Set(['login', 'setup']);

function bodyUsername(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const name = (body as Record<string, unknown>)['username'];
  return typeof name === 'string' && name !== '' ? name.slice(0, 64) : undefined;
}

function withoutQuery(url: string): string {
  const q = url.indexOf('?');
  return (q === -1 ? url : url.slice(0, q)).slice(0, 2048);
}

/** One audit entry for a state-changing request: who, from where, what on which object, and how it ended. */
export function auditRequest(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): void {
  const rule = request.routeOptions.config.access;
  const params = request.params as RouteParams;
  const url = request.routeOptions.url ?? withoutQuery(request.url);
  const action = actionOf(rule, request.method, url, params);
  const username = USER_FROM_BODY.has(action) ? bodyUsername(request.body) : request.principal?.user.username;
  const object = objectOf(rule, params);
  const summary = auditSummary(request.body);
  const durationMs = Math.round(reply.elapsedTime * 10) / 10;
  try {
    app.auth.store.appendAudit({
      at: new Date(Date.now() - reply.elapsedTime).toISOString(),
      ...(username === undefined ? {} : { username }),
      address: request.ip,
      method: request.method,
      path: withoutQuery(request.url),
      ...(object === undefined ? {} : { object }),
      action,
      ...(summary === undefined ? {} : { summary }),
      status: reply.statusCode,
      durationMs,
    });
  } catch (err) {
    request.log.error({ err }, 'could not write the audit log');
  }
}

/** Removes entries older than the retention now and once a day; returns the stopper. */
export function startAuditPruning(store: AccessStore, retentionDays: number, onError: (err: unknown) => void): () => void {
  const prune = (): void => {
    try {
      store.pruneAudit(new Date(Date.now() - retentionDays * DAY_MS));
    } catch (err) {
      onError(err);
    }
  };
  prune();
  const timer = setInterval(prune, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
