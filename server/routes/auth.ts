import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  LoginBody, Me, PasswordChangeBody, SessionList, SetupBody, SetupStatus, TokenCreateBody, TokenCreated, TokenList, type TokenSummary,
} from '../../common/access.js';
import { ErrorCodes } from '../../common/errors.js';
import type { StoredToken } from '../auth/access-store.js';
import { ownerCovers } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { clearSessionCookie, sessionSecretOf, setSessionCookie } from '../auth/session-cookie.js';
import { storeCall } from '../auth/store-errors.js';
import { verifyLogin } from '../auth/verify-login.js';
import { HttpError } from '../http/errors.js';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });

function principalOf(request: FastifyRequest): Principal {
  // The guard lets only authenticated requests reach these handlers.
  if (request.principal === undefined) throw new HttpError(401, ErrorCodes.unauthenticated, 'Log in first');
  return request.principal;
}

function requireSession(principal: Principal, what: string): void {
  if (principal.via !== 'session') throw new HttpError(403, ErrorCodes.forbidden, `${what} needs a login session, not an API token`);
}

function tokenSummary(token: StoredToken): TokenSummary {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt,
    ...(token.expiresAt === undefined ? {} : { expiresAt: token.expiresAt }),
    ...(token.lastUsedAt === undefined ? {} : { lastUsedAt: token.lastUsedAt }),
    grants: token.grants,
  };
}

function userAgentOf(request: FastifyRequest): string {
  return (request.headers['user-agent'] ?? '').slice(0, 256);
}

function tooMany(reply: FastifyReply, waitMs: number): FastifyReply {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return reply
    .status(429)
    .header('retry-after', String(seconds))
    .send({ error: { code: ErrorCodes.tooManyAttempts, message: `Too many failed logins; try again in ${seconds} s` } });
}

/** Login, logout, the first administrator, and the caller's own account: password, sessions, API tokens. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, throttle, live } = app.auth;

  app.post('/auth/login', { schema: { body: LoginBody } }, async (request, reply) => {
    const { username, password } = request.body;
    const address = request.ip;
    const wait = throttle.begin(username, address);
    if (wait > 0) return tooMany(reply, wait);
    let user;
    try {
      user = await verifyLogin(store, request.log, { username, password, address });
    } finally {
      throttle.finish(username, address, user !== undefined);
    }
    if (user === undefined) throw new HttpError(401, ErrorCodes.loginFailed, 'Wrong user name or password');
    const { secret } = store.createSession(user.id, { address, userAgent: userAgentOf(request) });
    setSessionCookie(request, reply, secret);
    return reply.status(204).send();
  });

  app.post('/auth/logout', async (request, reply) => {
    const secret = sessionSecretOf(request);
    if (secret !== undefined) store.deleteSessionBySecret(secret);
    const principal = request.principal;
    if (principal?.via === 'session') live.closeCredential('session', principal.credentialId);
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  app.get('/auth/setup', { schema: { response: { 200: SetupStatus } } }, async () => ({ needed: store.countUsers() === 0 }));

  app.post('/auth/setup', { schema: { body: SetupBody } }, async (request, reply) => {
    const { token, username, password } = request.body;
    const refused = new HttpError(403, ErrorCodes.setupTokenInvalid, 'The setup link is wrong, used or expired, or an administrator exists already');
    if (store.countUsers() > 0 || !store.consumeSetupToken(token)) throw refused;
    const user = await storeCall(() => store.createUser({ username, realm: 'local', password }));
    store.addGrant(user.id, { role: 'Administrator', path: '/' });
    const { secret } = store.createSession(user.id, { address: request.ip, userAgent: userAgentOf(request) });
    setSessionCookie(request, reply, secret);
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { response: { 200: Me } } }, async (request) => {
    const p = principalOf(request);
    const named = new Set(p.grants.map((g) => g.role));
    return {
      username: p.user.username,
      realm: p.user.realm,
      ...(p.user.displayName === undefined ? {} : { displayName: p.user.displayName }),
      via: p.via,
      grants: p.grants,
      roles: p.roles.filter((r) => named.has(r.name)),
    };
  });

  app.post('/auth/password', { schema: { body: PasswordChangeBody } }, async (request, reply) => {
    const p = principalOf(request);
    requireSession(p, 'Changing the password');
    if (p.user.realm !== 'local') throw new HttpError(400, ErrorCodes.badRequest, 'A Linux account of the host changes its password on the host (passwd), not in virtdeck');
    const { currentPassword, newPassword } = request.body;
    const wait = throttle.begin(p.user.username, request.ip);
    if (wait > 0) return tooMany(reply, wait);
    let ok = false;
    try {
      ok = (await store.verifyPassword(p.user.username, currentPassword)) !== undefined;
    } finally {
      throttle.finish(p.user.username, request.ip, ok);
    }
    if (!ok) throw new HttpError(403, ErrorCodes.loginFailed, 'The current password is wrong');
    await store.setPassword(p.user.username, newPassword);
    // Every other login of this user ends; this one stays.
    for (const session of store.listSessions(p.user.id)) if (session.id !== p.credentialId) store.deleteSession(session.id);
    live.closeUser(p.user.id, { via: 'session', credentialId: p.credentialId });
    return reply.status(204).send();
  });

  app.get('/auth/sessions', { schema: { response: { 200: SessionList } } }, async (request) => {
    const p = principalOf(request);
    return {
      sessions: store.listSessions(p.user.id).map((s) => ({
        id: s.id,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        address: s.address,
        userAgent: s.userAgent,
        current: p.via === 'session' && s.id === p.credentialId,
      })),
    };
  });

  app.delete('/auth/sessions/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const p = principalOf(request);
    const { id } = request.params;
    if (!store.listSessions(p.user.id).some((s) => s.id === id)) throw new HttpError(404, ErrorCodes.notFound, 'You have no session with that id');
    store.deleteSession(id);
    live.closeCredential('session', id);
    if (p.via === 'session' && p.credentialId === id) clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  app.get('/auth/tokens', { schema: { response: { 200: TokenList } } }, async (request) => ({
    tokens: store.listTokens(principalOf(request).user.id).map(tokenSummary),
  }));

  app.post('/auth/tokens', { schema: { body: TokenCreateBody, response: { 201: TokenCreated } } }, async (request, reply) => {
    const p = principalOf(request);
    requireSession(p, 'Creating an API token');
    const { name, expiresAt, grants = [] } = request.body;
    if (expiresAt !== undefined && Date.parse(expiresAt) <= Date.now()) throw new HttpError(400, ErrorCodes.badRequest, 'expiresAt lies in the past');
    const ownGrants = store.effectiveGrantsOf(p.user.id).map(({ role, path }) => ({ role, path }));
    for (const grant of grants) {
      if (!ownerCovers(ownGrants, p.roles, grant)) {
        throw new HttpError(400, ErrorCodes.badRequest, `A token can carry only what you hold: you lack part of ${grant.role} on ${grant.path}`);
      }
    }
    const { secret, token } = await storeCall(() =>
      store.createToken(p.user.id, { name, grants, ...(expiresAt === undefined ? {} : { expiresAt }) }),
    );
    return reply.status(201).send({ token: secret, summary: tokenSummary(token) });
  });

  app.delete('/auth/tokens/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const p = principalOf(request);
    if (!store.deleteToken(p.user.id, request.params.id)) throw new HttpError(404, ErrorCodes.notFound, 'You have no token with that id');
    live.closeCredential('token', request.params.id);
    return reply.status(204).send();
  });
};
