import { can, canSomewhereBelow, type Grant, type Privilege, type RoleDefinition } from '../../common/access.js';
import type { StoredUser } from './access-store.js';

/** What a request may do on which path. */
export interface AccessCheck {
  can(privilege: Privilege, path: string): boolean;
  /** `privilege` on `path` or on anything below it: enough to list (the answer is then filtered). */
  canSomewhereBelow(privilege: Privilege, path: string): boolean;
  /** True when any grant lies on, above or below `path`: the user sees something there. */
  seesAnything(path: string): boolean;
}

/** Who made the request and how. Set on every authenticated request by the auth plugin. */
export interface Principal {
  user: StoredUser;
  via: 'session' | 'token';
  /** The public session id or token id, for revocation. */
  credentialId: string;
  /** The grants that count for this request: the user's, or a token's that its owner still holds. */
  grants: Grant[];
  roles: RoleDefinition[];
  access: AccessCheck;
}

function coversEither(a: string, b: string): boolean {
  return a === '/' || b === '/' || a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** Checks against a set of grants, resolved once per principal and cached per path. */
export function grantAccess(grants: readonly Grant[], roles: readonly RoleDefinition[]): AccessCheck {
  const cache = new Map<string, boolean>();
  const memo = (key: string, compute: () => boolean): boolean => {
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = compute();
      if (cache.size > 10_000) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
  const useful = grants.filter((g) => (roles.find((r) => r.name === g.role)?.privileges.length ?? 0) > 0);
  return {
    can: (privilege, path) => memo(`c ${privilege} ${path}`, () => can(grants, roles, privilege, path)),
    canSomewhereBelow: (privilege, path) => memo(`b ${privilege} ${path}`, () => canSomewhereBelow(grants, roles, privilege, path)),
    seesAnything: (path) => memo(`s ${path}`, () => useful.some((g) => coversEither(g.path, path))),
  };
}

/** A token limited to some grants: each check must pass for the token and for its owner. */
export function intersectAccess(token: AccessCheck, owner: AccessCheck): AccessCheck {
  return {
    can: (privilege, path) => token.can(privilege, path) && owner.can(privilege, path),
    canSomewhereBelow: (privilege, path) => token.canSomewhereBelow(privilege, path) && owner.canSomewhereBelow(privilege, path),
    seesAnything: (path) => token.seesAnything(path) && owner.seesAnything(path),
  };
}
