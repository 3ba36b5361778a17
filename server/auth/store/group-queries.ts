import type Database from 'better-sqlite3';
import { GROUP_NAME_PATTERN, type Grant } from '../../../common/access.js';
import type { AccessStore, EffectiveGrant, StoredGroup, StoredGroupGrant } from '../access-store.js';
import { AccessStoreError } from './access-store-error.js';
import { USER_COLUMNS, toUser, type UserRow } from './user-queries.js';

interface GroupRow {
  id: number;
  name: string;
  description: string;
  created_at: string;
}

interface GroupGrantRow {
  id: number;
  group_id: number;
  role: string;
  path: string;
}

interface EffectiveRow {
  id: number;
  role: string;
  path: string;
  group_name: string | null;
}

const GROUP_NAME = new RegExp(GROUP_NAME_PATTERN);
const GROUP_COLUMNS = 'groups.id, groups.name, groups.description, groups.created_at';

function toGroup(row: GroupRow): StoredGroup {
  return { id: row.id, name: row.name, description: row.description, createdAt: row.created_at };
}

function toGroupGrant(row: GroupGrantRow): StoredGroupGrant {
  return { id: row.id, groupId: row.group_id, role: row.role, path: row.path };
}

function toEffective(row: EffectiveRow): EffectiveGrant {
  return { id: row.id, role: row.role, path: row.path, ...(row.group_name === null ? {} : { group: row.group_name }) };
}

type GroupQueries = Pick<
  AccessStore,
  | 'grantOwner' | 'listGroups' | 'findGroup' | 'createGroup' | 'deleteGroup' | 'addMember' | 'removeMember'
  | 'membersOf' | 'groupsOf' | 'groupGrantsOf' | 'addGroupGrant' | 'effectiveGrantsOf'
>;

/** Groups, their members and their grants; `checkGrant` refuses unknown roles and paths. */
export function groupQueries(db: Database.Database, checkGrant: (grant: Grant) => void): GroupQueries {
  const all = db.prepare<[], GroupRow>(`SELECT ${GROUP_COLUMNS} FROM groups ORDER BY name`);
  const byName = db.prepare<[string], GroupRow>(`SELECT ${GROUP_COLUMNS} FROM groups WHERE name = ? COLLATE BINARY`);
  const byAnyCase = db.prepare<[string], GroupRow>(`SELECT ${GROUP_COLUMNS} FROM groups WHERE name = ?`);
  const byId = db.prepare<[number], GroupRow>(`SELECT ${GROUP_COLUMNS} FROM groups WHERE id = ?`);
  const insert = db.prepare<[string, string, string], GroupRow>(
    `INSERT INTO groups (name, description, created_at) VALUES (?, ?, ?) RETURNING ${GROUP_COLUMNS.replaceAll('groups.', '')}`,
  );
  const remove = db.prepare<[string]>('DELETE FROM groups WHERE name = ? COLLATE BINARY');
  const userExists = db.prepare<[number], { id: number }>('SELECT id FROM users WHERE id = ?');
  const insertMember = db.prepare<[number, number]>('INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const deleteMember = db.prepare<[number, number]>('DELETE FROM group_members WHERE group_id = ? AND user_id = ?');
  const members = db.prepare<[number], UserRow>(
    `SELECT ${USER_COLUMNS.split(', ').map((c) => `users.${c}`).join(', ')} FROM users JOIN group_members ON group_members.user_id = users.id
     WHERE group_members.group_id = ? ORDER BY users.username`,
  );
  const groupsOfUser = db.prepare<[number], GroupRow>(
    `SELECT ${GROUP_COLUMNS} FROM groups JOIN group_members ON group_members.group_id = groups.id WHERE group_members.user_id = ? ORDER BY groups.name`,
  );
  const grantsOfGroup = db.prepare<[number], GroupGrantRow>('SELECT id, group_id, role, path FROM grants WHERE group_id = ? ORDER BY id');
  const insertGrant = db.prepare<[number, string, string], GroupGrantRow>(
    'INSERT INTO grants (group_id, role, path) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id, group_id, role, path',
  );
  const ownerOf = db.prepare<[number], { user_id: number | null; group_id: number | null }>('SELECT user_id, group_id FROM grants WHERE id = ?');
  const effective = db.prepare<[number, number], EffectiveRow>(
    `SELECT id, role, path, NULL AS group_name, 0 AS via, id AS n FROM grants WHERE user_id = ?
     UNION ALL
     SELECT grants.id, grants.role, grants.path, groups.name, 1, grants.id FROM grants
       JOIN groups ON groups.id = grants.group_id JOIN group_members ON group_members.group_id = groups.id
       WHERE group_members.user_id = ?
     ORDER BY via, n`,
  );

  const existingGroup = (id: number): void => {
    if (!byId.get(id)) throw new AccessStoreError('UNKNOWN_GROUP', `No group with id ${id}`);
  };

  return {
    grantOwner(id) {
      const row = ownerOf.get(id);
      if (row === undefined) return undefined;
      return row.user_id !== null ? { kind: 'user', userId: row.user_id } : { kind: 'group', groupId: row.group_id ?? 0 };
    },

    listGroups: () => all.all().map(toGroup),
    findGroup: (name) => {
      const row = byName.get(name);
      return row && toGroup(row);
    },

    createGroup({ name, description = '' }) {
      if (!GROUP_NAME.test(name)) throw new AccessStoreError('INVALID_GROUP', `Group name ${JSON.stringify(name)} is not allowed`);
      const create = db.transaction(() => {
        if (byAnyCase.get(name)) throw new AccessStoreError('GROUP_EXISTS', `Group ${name} already exists`);
        const row = insert.get(name, description, new Date().toISOString());
        if (!row) throw new AccessStoreError('GROUP_EXISTS', `Group ${name} already exists`);
        return toGroup(row);
      });
      return create.immediate();
    },

    deleteGroup: (name) => remove.run(name).changes === 1,

    addMember(groupId, userId) {
      const add = db.transaction(() => {
        existingGroup(groupId);
        if (!userExists.get(userId)) throw new AccessStoreError('UNKNOWN_USER', `No user with id ${userId}`);
        return insertMember.run(groupId, userId).changes === 1;
      });
      return add.immediate();
    },

    removeMember: (groupId, userId) => deleteMember.run(groupId, userId).changes === 1,
    membersOf: (groupId) => members.all(groupId).map(toUser),
    groupsOf: (userId) => groupsOfUser.all(userId).map(toGroup),
    groupGrantsOf: (groupId) => grantsOfGroup.all(groupId).map(toGroupGrant),

    addGroupGrant(groupId, grant) {
      const add = db.transaction(() => {
        checkGrant(grant);
        existingGroup(groupId);
        const row = insertGrant.get(groupId, grant.role, grant.path);
        if (!row) throw new AccessStoreError('GRANT_EXISTS', `${grant.role} is already granted on ${grant.path}`);
        return toGroupGrant(row);
      });
      return add.immediate();
    },

    effectiveGrantsOf: (userId) => effective.all(userId, userId).map(toEffective),
  };
}
