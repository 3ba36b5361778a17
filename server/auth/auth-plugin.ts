import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { SESSION_COOKIE } from '../../common/access.js';
import { ErrorCodes } from '../../common/errors.js';
import type { AccessStore } from './access-store.js';
import { auditRequest, startAuditPruning } from './audit-hook.js';
import { Authenticator, type SessionLimits } from './authenticate.js';
import { LiveConnections } from './live-sessions.js';
import { LoginThrottle } from './login-throttle.js';
import { isForeignBrowserRequest, isSameOrigin, type OriginHeaders } from './origin-check.js';
import type { Principal } from './principal.js';
import { decide, isGuardedUrl, ruleFor, type ListFilter, type RouteParams, type RouteRule } from './route-access.js';

/** Everything the auth routes and long-lived connections need, on `app.auth`. */
export interface AuthServices {
  store: AccessStore;
  authenticator: Authenticator;
  live: LiveConnections;
  throttle: LoginThrottle;
  limits: SessionLimits;
  allowedOrigins: readonly string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthServices;
  }
  interface FastifyRequest {
    /** Who made the request; set for every request with a valid session cookie or API token. */
    principal?: Principal;
    /** Re-checks the request's credential later (long-lived connections); `touch` counts as activity. */
    recheckCredential?: (touch: boolean) => boolean;
  }
  interface FastifyContextConfig {
    access?: RouteRule;
  }
}

export interface AuthOptions {
  store: AccessStore;
  limits: SessionLimits;
  allowedOrigins: readonly string[];
  auditRetentionDays: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(request: FastifyRequest): boolean {
  return !SAFE_METHODS.has(request.method) || isUpgrade(request);
}

function isUpgrade(request: FastifyRequest): boolean {
  return request.headers.upgrade?.toLowerCase() === 'websocket';
}

function originHeaders(request: FastifyRequest): OriginHeaders {
  const site = request.headers['sec-fetch-site'];
  return { origin: request.headers.origin, host: request.headers.host, secFetchSite: typeof site === 'string' ? site : undefined };
}

export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.status(status).send({ error: { code, message } });
}

function filterList(filter: ListFilter) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const principal = request.principal;
    if (reply.statusCode !== 200 || principal === undefined || typeof payload !== 'object' || payload === null) return payload;
    const params = request.params as RouteParams;
    if (filter.everything?.(principal.access, params) === true) return payload;
    const items = (payload as Record<string, unknown>)[filter.field];
    if (!Array.isArray(items)) return payload;
    const visible = items.filter((item: unknown) => typeof item === 'object' && item !== null && filter.visible(principal.access, params, item as Record<string, unknown>));
    return { ...payload, [filter.field]: visible };
  };
}

/** Attaches each /api/v1 route's rule (and its list filter); a route without a rule stops the server from starting. */
function attachRule(routeOptions: RouteOptions): void {
  const url = routeOptions.url;
  if (!isGuardedUrl(url)) return;
  const methods = Array.isArray(routeOptions.method) ? routeOptions.method : [routeOptions.method];
  const rules = methods.map((method) => {
    const rule = ruleFor(method, url);
    if (rule === undefined) throw new Error(`No access rule for ${method} ${url}: add one to ROUTE_RULES in server/auth/route-access.ts`);
    return rule;
  });
  const rule = rules[0];
  if (rule === undefined || rules.some((r) => r !== rule)) throw new Error(`${methods.join(',')} ${url} needs one access rule for all its methods`);
  routeOptions.config = { ...routeOptions.config, access: rule };
  if (rule.list !== undefined) {
    const existing = routeOptions.preSerialization;
    const hooks = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
    routeOptions.preSerialization = [...hooks, filterList(rule.list)];
  }
}

/**
 * Authentication, the origin rule and authorisation for every /api/v1 request, in one onRequest hook:
 * nothing is parsed, validated or run for a request that may not be made. Call before any route is registered.
 */
export async function installAuth(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const authenticator = new Authenticator(options.store, options.limits);
  const live = new LiveConnections((message, err) => app.log.warn({ err }, message));
  const services: AuthServices = {
    store: options.store,
    authenticator,
    live,
    throttle: new LoginThrottle(),
    limits: options.limits,
    allowedOrigins: options.allowedOrigins,
  };
  app.decorate('auth', services);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('recheckCredential', undefined);
  await app.register(fastifyCookie);

  app.addHook('onRoute', attachRule);

  app.addHook('onRequest', async (request, reply) => {
    if (!isGuardedUrl(pathOf(request.url))) return;
    const rule = request.routeOptions.config.access;
    const authorization = request.headers.authorization;
    const auth = authenticator.authenticate({ cookie: request.cookies[SESSION_COOKIE], authorization });
    if (auth.kind === 'ok') {
      request.principal = auth.principal;
      request.recheckCredential = auth.recheck;
    }

    if (isStateChanging(request)) {
      const headers = originHeaders(request);
      // Bearer tokens are never sent by a browser on its own, so only cookie-borne requests need the check.
      const cookieBorne = auth.kind === 'ok' ? auth.principal.via === 'session' : rule?.kind === 'public';
      const refused = auth.kind === 'ok' ? cookieBorne && !isSameOrigin(headers, request.protocol, options.allowedOrigins) : cookieBorne && isForeignBrowserRequest(headers, request.protocol, options.allowedOrigins);
      if (refused) return refuse(reply, 403, ErrorCodes.originRefused, 'Requests that change something must come from virtdeck\'s own pages or an origin listed in VIRTDECK_ORIGINS');
    }

    if (rule?.kind === 'public') return;
    if (auth.kind !== 'ok') return refuse(reply, 401, ErrorCodes.unauthenticated, 'Log in first: this needs a valid session or API token');
    if (rule === undefined || rule.kind === 'authenticated') return; // no route: the not-found handler answers
    const decision = decide(rule, request.params as RouteParams, auth.principal.access);
    if (!decision.allowed) return refuse(reply, 403, ErrorCodes.forbidden, `Missing privilege ${decision.privilege} on ${decision.path}`);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!SAFE_METHODS.has(request.method) && isGuardedUrl(pathOf(request.url))) auditRequest(app, request, reply);
  });

  live.start();
  const stopPruning = startAuditPruning(options.store, options.auditRetentionDays, (err) => app.log.warn({ err }, 'audit pruning failed'));
  app.addHook('preClose', async () => {
    live.stop();
    stopPruning();
  });
}
