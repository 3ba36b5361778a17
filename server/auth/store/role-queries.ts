import type Database from 'better-sqlite3';
import { BUILT_IN_ROLES, PRIVILEGES, isAclPath, type Grant, type Privilege, type RoleDefinition } from '../../../common/access.js';
import type { AccessStore, StoredGrant } from '../access-store.js';
import { AccessStoreError } from './access-store-error.js';

interface RoleRow {
  name: string;
  description: string;
  privileges: string;
}

interface GrantRow {
  id: number;
  user_id: number;
  role: string;
  path: string;
}

const ROLE_NAME = /^[A-Za-z][A-Za-z0-9 _-]{0,63}$/;

function isPrivilege(value: unknown): value is Privilege {
  return typeof value === 'string' && (PRIVILEGES as readonly string[]).includes(value);
}

function toRole(row: RoleRow): RoleDefinition {
  const parsed: unknown = JSON.parse(row.privileges);
  const privileges = Array.isArray(parsed) ? parsed.filter(isPrivilege) : [];
  return { name: row.name, description: row.description, privileges, builtIn: false };
}

function toGrant(row: GrantRow): StoredGrant {
  return { id: row.id, userId: row.user_id, role: row.role, path: row.path };
}

function builtInNamed(name: string): RoleDefinition | undefined {
  const lower = name.toLowerCase();
  return BUILT_IN_ROLES.find((role) => role.name.toLowerCase() === lower);
}

type RoleQueries = Pick<AccessStore, 'listRoles' | 'createRole' | 'deleteRole' | 'grantsOf' | 'addGrant' | 'removeGrant'> & {
  /** The role with exactly this name, built-in or custom. */
  roleNamed(name: string): RoleDefinition | undefined;
};

export function roleQueries(db: Database.Database): RoleQueries {
  const allRoles = db.prepare<[], RoleRow>('SELECT name, description, privileges FROM roles ORDER BY name');
  const roleByName = db.prepare<[string], RoleRow>('SELECT name, description, privileges FROM roles WHERE name = ?');
  const insertRole = db.prepare<[string, string, string]>('INSERT INTO roles (name, description, privileges) VALUES (?, ?, ?)');
  const removeRole = db.prepare<[string]>('DELETE FROM roles WHERE name = ? COLLATE BINARY');
  const roleGranted = db.prepare<[string, string], { n: number }>(
    `SELECT (SELECT count(*) FROM grants WHERE role = ?)
          + (SELECT count(*) FROM tokens, json_each(tokens.grants) WHERE json_extract(json_each.value, '$.role') = ?) AS n`,
  );
  const grantsByUser = db.prepare<[number], GrantRow>('SELECT id, user_id, role, path FROM grants WHERE user_id = ? ORDER BY id');
  const userExists = db.prepare<[number], { id: number }>('SELECT id FROM users WHERE id = ?');
  const insertGrant = db.prepare<[number, string, string], GrantRow>(
    'INSERT INTO grants (user_id, role, path) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id, user_id, role, path',
  );
  const removeGrant = db.prepare<[number]>('DELETE FROM grants WHERE id = ?');
  // listRoles runs on every request: keep the custom roles in memory until this connection writes them or
  // another connection (an admin command) commits anything, which data_version reveals.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let cached: { version: number; roles: RoleDefinition[] } | undefined;
  const customRoles = (): RoleDefinition[] => {
    const version = dataVersion.get() ?? 0;
    if (cached?.version !== version) cached = { version, roles: allRoles.all().map(toRole) };
    return cached.roles;
  };

  const roleNamed = (name: string): RoleDefinition | undefined => {
    const builtIn = BUILT_IN_ROLES.find((role) => role.name === name);
    if (builtIn) return builtIn;
    const row = roleByName.get(name);
    return row && row.name === name ? toRole(row) : undefined;
  };

  return {
    roleNamed,
    listRoles: () => [...BUILT_IN_ROLES, ...customRoles()],

    createRole({ name, description, privileges }) {
      if (!ROLE_NAME.test(name)) throw new AccessStoreError('INVALID_ROLE', `Role name ${JSON.stringify(name)} is not allowed`);
      if (builtInNamed(name)) throw new AccessStoreError('ROLE_EXISTS', `${name} is a built-in role`);
      const unknown = privileges.filter((privilege) => !isPrivilege(privilege));
      if (unknown.length > 0) throw new AccessStoreError('UNKNOWN_PRIVILEGE', `Unknown privilege: ${unknown.join(', ')}`);
      if (privileges.length === 0) throw new AccessStoreError('INVALID_ROLE', 'A role needs at least one privilege');
      const ordered = PRIVILEGES.filter((privilege) => privileges.includes(privilege));
      const create = db.transaction(() => {
        if (roleByName.get(name)) throw new AccessStoreError('ROLE_EXISTS', `Role ${name} already exists`);
        insertRole.run(name, description, JSON.stringify(ordered));
        cached = undefined;
      });
      create.immediate();
      return { name, description, privileges: ordered, builtIn: false };
    },

    deleteRole(name) {
      if (builtInNamed(name)) throw new AccessStoreError('ROLE_BUILT_IN', `${name} is a built-in role`);
      const remove = db.transaction(() => {
        if (!roleNamed(name)) return false;
        if ((roleGranted.get(name, name)?.n ?? 0) > 0) throw new AccessStoreError('ROLE_IN_USE', `Role ${name} is still granted`);
        cached = undefined;
        return removeRole.run(name).changes === 1;
      });
      return remove.immediate();
    },

    grantsOf: (userId) => grantsByUser.all(userId).map(toGrant),

    addGrant(userId, grant: Grant) {
      if (!isAclPath(grant.path)) throw new AccessStoreError('INVALID_PATH', `${JSON.stringify(grant.path)} is not an ACL path`);
      const add = db.transaction(() => {
        if (!roleNamed(grant.role)) throw new AccessStoreError('UNKNOWN_ROLE', `Unknown role ${grant.role}`);
        if (!userExists.get(userId)) throw new AccessStoreError('UNKNOWN_USER', `No user with id ${userId}`);
        const row = insertGrant.get(userId, grant.role, grant.path);
        if (!row) throw new AccessStoreError('GRANT_EXISTS', `${grant.role} is already granted on ${grant.path}`);
        return toGrant(row);
      });
      return add.immediate();
    },

    removeGrant: (id) => removeGrant.run(id).changes === 1,
  };
}
