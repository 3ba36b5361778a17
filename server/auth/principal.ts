import { pathCovers, type Grant, type Privilege, type RoleDefinition } from '../../common/access.js';
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
  return pathCovers(a, b) || pathCovers(b, a);
}

/**
 * Checks against a set of grants. Roles are resolved once into privileges per granted path, so that
 * `can` looks up the path and each of its ancestors (at most a handful) instead of walking every grant:
 * list filters and SSE fan-out call it per item.
 */
export function grantAccess(grants: readonly Grant[], roles: readonly RoleDefinition[]): AccessCheck {
  const byPath = new Map<string, Set<Privilege>>();
  for (const grant of grants) {
    const privileges = roles.find((r) => r.name === grant.role)?.privileges ?? [];
    if (privileges.length === 0) continue;
    let set = byPath.get(grant.path);
    if (set === undefined) byPath.set(grant.path, (set = new Set()));
    for (const p of privileges) set.add(p);
  }
  const granted = [...byPath.entries()];
  const can = (privilege: Privilege, path: string): boolean => {
    if (byPath.get('/')?.has(privilege) === true) return true;
    // Every ancestor of /hosts/a/vms/x at a segment boundary: /hosts, /hosts/a, /hosts/a/vms, itself.
    for (let i = path.indexOf('/', 1); i !== -1; i = path.indexOf('/', i + 1)) {
      if (byPath.get(path.slice(0, i))?.has(privilege) === true) return true;
    }
    return byPath.get(path)?.has(privilege) === true;
  };
  return {
    can,
    canSomewhereBelow: (privilege, path) => can(privilege, path) || granted.some(([at, set]) => set.has(privilege) && pathCovers(path, at)),
    seesAnything: (path) => granted.some(([at]) => coversEither(at, path)),
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
