import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../common/access.js';

/** The session cookie: HttpOnly, SameSite=Strict, whole site, Secure when served over HTTPS; ends with the browser. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string): void {
  void reply.setCookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' });
}

export function sessionSecretOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}
