import { useCallback, useMemo } from 'react';
import { canSomewhereBelow, hostPath, objectPath, privilegesAt, type Privilege } from '../../../common/access.js';
import { useMe } from './queries';

/** ACL paths of the objects the SPA shows (common/access.ts documents the scheme). */
export const acl = {
  host: (host: string) => hostPath(host),
  vm: (host: string, uuid: string) => objectPath(host, 'vms', uuid),
  pool: (host: string, pool: string) => objectPath(host, 'pools', pool),
  network: (host: string, network: string) => objectPath(host, 'networks', network),
};

const OBJECT_WORDS: Record<string, string> = { vms: 'this VM', pools: 'this pool', networks: 'this network' };

/** "this VM", "this host", "every host": what an ACL path names, in words for a tooltip. */
export function describePath(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return 'every host';
  if (parts.length === 2) return 'this host';
  return OBJECT_WORDS[parts[2] ?? ''] ?? path;
}

export function missingPrivilegeText(privilege: Privilege, path: string): string {
  return `Needs ${privilege} on ${describePath(path)}`;
}

export interface Permission {
  allowed: boolean;
  /** Why the control is disabled: the missing privilege and where; undefined when allowed. */
  disabledReason: string | undefined;
}

/**
 * Whether the logged-in user holds `privilege` on `path`, by the same rule the server applies
 * (privilegesAt of common/access.ts over the grants and roles of GET /api/v1/auth/me).
 */
export function useCan(privilege: Privilege, path: string): Permission {
  const { data: me } = useMe();
  return useMemo(() => {
    const allowed = me !== undefined && privilegesAt(me.grants, me.roles, path).has(privilege);
    return { allowed, disabledReason: allowed ? undefined : missingPrivilegeText(privilege, path) };
  }, [me, privilege, path]);
}

/**
 * A checker for many privileges at once (a hook cannot run in a loop): `here` asks for the privilege on
 * `path` itself, `below` on `path` or anything below it (a page listing such objects shows something).
 */
export function useAccessCheck(): (privilege: Privilege, path: string, where: 'here' | 'below') => boolean {
  const { data: me } = useMe();
  return useCallback(
    (privilege, path, where) => {
      if (me === undefined) return false;
      return where === 'here' ? privilegesAt(me.grants, me.roles, path).has(privilege) : canSomewhereBelow(me.grants, me.roles, privilege, path);
    },
    [me],
  );
}
