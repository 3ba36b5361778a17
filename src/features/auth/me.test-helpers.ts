import type { QueryClient } from '@tanstack/react-query';
import { BUILT_IN_ROLES, type Grant, type Me } from '../../../common/access.js';
import { createQueryClient } from '../../lib/query';
import { authKeys } from './queries';

/** A logged-in user holding `grants`, as GET /api/v1/auth/me describes them. */
export function meWith(grants: Grant[], username = 'tester'): Me {
  const named = new Set(grants.map((g) => g.role));
  return {
    username,
    realm: 'local',
    via: 'session',
    grants,
    roles: BUILT_IN_ROLES.filter((r) => named.has(r.name)).map((r) => ({ ...r, privileges: [...r.privileges] })),
  };
}

export const ADMIN: Me = meWith([{ role: 'Administrator', path: '/' }], 'admin');

/** A query client that already knows who is logged in (Administrator on '/' unless told otherwise). */
export function queryClientAs(me: Me = ADMIN): QueryClient {
  const client = createQueryClient();
  client.setQueryData(authKeys.me, me);
  return client;
}
