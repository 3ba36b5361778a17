import type { Grant, RoleDefinition } from '../../common/access.js';
import { privilegesAt } from '../../common/access.js';
import type { AccessStore, StoredUser } from './access-store.js';
import { grantAccess, intersectAccess, type Principal } from './principal.js';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** How a request presents itself: the session cookie's value and the bearer token, as sent. */
export interface Credentials {
  cookie?: string | undefined;
  authorization?: string | undefined;
}

export type Authentication =
  | { kind: 'none' }
  /** Credentials were sent but are not (or no longer) valid. */
  | { kind: 'invalid' }
  | { kind: 'ok'; principal: Principal; /** Re-checks the credential; `touch` counts as activity. */ recheck: (touch: boolean) => boolean };

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]{16,512})[ \t]*$/i;

/** True when every privilege of the grant's role is the owner's on the grant's path: a token can carry only that. */
export function ownerCovers(ownerGrants: readonly Grant[], roles: readonly RoleDefinition[], grant: Grant): boolean {
  const role = roles.find((r) => r.name === grant.role);
  if (role === undefined) return false;
  const owned = privilegesAt(ownerGrants, roles, grant.path);
  return role.privileges.every((p) => owned.has(p));
}

/** The user's own grants and those of their groups. */
function grantsOf(store: AccessStore, user: StoredUser): Grant[] {
  return store.effectiveGrantsOf(user.id).map(({ role, path }) => ({ role, path }));
}

/** Resolves the principal of a request from its session cookie or bearer token. */
export class Authenticator {
  constructor(
    private readonly store: AccessStore,
    private readonly limits: SessionLimits,
  ) {}

  authenticate(credentials: Credentials): Authentication {
    if (credentials.authorization !== undefined && credentials.authorization !== '') {
      const match = BEARER.exec(credentials.authorization);
      return match?.[1] === undefined ? { kind: 'invalid' } : this.byToken(match[1]);
    }
    if (credentials.cookie !== undefined && credentials.cookie !== '') return this.bySession(credentials.cookie);
    return { kind: 'none' };
  }

  private enabledUser(id: number): StoredUser | undefined {
    const user = this.store.userById(id);
    return user === undefined || user.disabled ? undefined : user;
  }

  private bySession(secret: string): Authentication {
    const session = this.store.resumeSession(secret, this.limits);
    if (session === undefined) return { kind: 'invalid' };
    const user = this.enabledUser(session.userId);
    if (user === undefined) return { kind: 'invalid' };
    const roles = this.store.listRoles();
    const grants = grantsOf(this.store, user);
    const principal: Principal = { user, via: 'session', credentialId: session.id, grants, roles, access: grantAccess(grants, roles) };
    const recheck = (touch: boolean): boolean => {
      if (this.enabledUser(user.id) === undefined) return false;
      if (touch) return this.store.resumeSession(secret, this.limits) !== undefined;
      return this.sessionAlive(user.id, session.id);
    };
    return { kind: 'ok', principal, recheck };
  }

  private byToken(secret: string): Authentication {
    const token = this.store.useToken(secret);
    if (token === undefined) return { kind: 'invalid' };
    const user = this.enabledUser(token.userId);
    if (user === undefined) return { kind: 'invalid' };
    const roles = this.store.listRoles();
    const ownerGrants = grantsOf(this.store, user);
    const ownerAccess = grantAccess(ownerGrants, roles);
    const limited = token.grants.length > 0;
    const grants = limited ? token.grants.filter((g) => ownerCovers(ownerGrants, roles, g)) : ownerGrants;
    const access = limited ? intersectAccess(grantAccess(token.grants, roles), ownerAccess) : ownerAccess;
    const principal: Principal = { user, via: 'token', credentialId: token.id, grants, roles, access };
    const recheck = (): boolean => this.enabledUser(user.id) !== undefined && this.tokenAlive(user.id, token.id);
    return { kind: 'ok', principal, recheck };
  }

  /** Whether a session still exists and is within both limits, without counting as activity. */
  sessionAlive(userId: number, sessionId: string, now = Date.now()): boolean {
    const session = this.store.listSessions(userId).find((s) => s.id === sessionId);
    if (session === undefined) return false;
    // lastSeenAt is written a few seconds late at most (the store batches touches); allow for that.
    const idle = now - Date.parse(session.lastSeenAt) - SESSION_TOUCH_SLACK_MS;
    return idle <= this.limits.idleMs && now - Date.parse(session.createdAt) <= this.limits.absoluteMs;
  }

  tokenAlive(userId: number, tokenId: string, now = Date.now()): boolean {
    const token = this.store.listTokens(userId).find((t) => t.id === tokenId);
    return token !== undefined && (token.expiresAt === undefined || Date.parse(token.expiresAt) > now);
  }
}

const SESSION_TOUCH_SLACK_MS = 10_000;
