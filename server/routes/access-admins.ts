import { can } from '../../common/access.js';
import { ErrorCodes } from '../../common/errors.js';
import type { AccessStore, StoredUser } from '../auth/access-store.js';
import { HttpError } from '../http/errors.js';

/** A change to weigh before making it: a user, one grant, a whole group or one membership gone. */
export interface Without {
  userId?: number;
  grantId?: number;
  group?: string;
  membership?: { group: string; userId: number };
}

/** Enabled users holding `admin` on '/' through their own or their groups' grants, as if `without` were gone. */
export function administrators(store: AccessStore, without: Without = {}): StoredUser[] {
  const roles = store.listRoles();
  return store.listUsers().filter((user) => {
    if (user.disabled || user.id === without.userId) return false;
    const grants = store.effectiveGrantsOf(user.id).filter((g) => {
      if (g.id === without.grantId) return false;
      if (g.group !== undefined && g.group === without.group) return false;
      return !(g.group !== undefined && g.group === without.membership?.group && user.id === without.membership.userId);
    });
    return can(grants, roles, 'admin', '/');
  });
}

/** Refuses a change that would take `admin` on '/' from the last enabled user holding it. */
export function keepAnAdministrator(store: AccessStore, without: Without): void {
  if (administrators(store).length > 0 && administrators(store, without).length === 0) {
    throw new HttpError(409, ErrorCodes.lastAdministrator, 'This would leave no enabled user with admin on /: grant Administrator on / to another user first');
  }
}
