import type { AuditEntry, AuditQuery, Grant, Realm, RoleDefinition } from '../../common/access.js';

/**
 * Everything virtdeck keeps about people: users, grants, custom roles, sessions, tokens, the audit log.
 * One interface so that another backend can follow the SQLite one (sqlite-access-store.ts).
 * Secrets enter as plain text only through the methods that hash them; nothing here returns a hash.
 */

export interface StoredUser {
  id: number;
  username: string;
  realm: Realm;
  displayName?: string;
  disabled: boolean;
  createdAt: string;
}

export interface StoredGrant extends Grant {
  id: number;
  userId: number;
}

export interface StoredGroup {
  id: number;
  name: string;
  description: string;
  createdAt: string;
}

export interface StoredGroupGrant extends Grant {
  id: number;
  groupId: number;
}

/** A grant a user holds: their own, or one of a group they belong to (then `group` names it). */
export interface EffectiveGrant extends Grant {
  id: number;
  group?: string;
}

export type GrantOwner = { kind: 'user'; userId: number } | { kind: 'group'; groupId: number };

export interface StoredSession {
  /** The public id (not the cookie secret): shown in "my sessions", used to revoke. */
  id: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  address: string;
  userAgent: string;
}

export interface StoredToken {
  id: string;
  userId: number;
  name: string;
  createdAt: string;
  expiresAt?: string;
  lastUsedAt?: string;
  /** Empty: all of the owner's grants. */
  grants: Grant[];
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AccessStore {
  // users
  countUsers(): number;
  createUser(input: { username: string; realm: Realm; password?: string; displayName?: string }): Promise<StoredUser>;
  findUser(username: string): StoredUser | undefined;
  userById(id: number): StoredUser | undefined;
  listUsers(): StoredUser[];
  updateUser(username: string, change: { disabled?: boolean; displayName?: string }): StoredUser | undefined;
  deleteUser(username: string): boolean;
  /** Constant-time-ish: hashes even when the user does not exist, so timing does not tell. */
  verifyPassword(username: string, password: string): Promise<StoredUser | undefined>;
  setPassword(username: string, password: string): Promise<boolean>;

  // roles and grants
  listRoles(): RoleDefinition[];
  createRole(role: Omit<RoleDefinition, 'builtIn'>): RoleDefinition;
  deleteRole(name: string): boolean;
  grantsOf(userId: number): StoredGrant[];
  addGrant(userId: number, grant: Grant): StoredGrant;
  removeGrant(id: number): boolean;
  /** Whom a grant belongs to, user or group; undefined when there is no such grant. */
  grantOwner(id: number): GrantOwner | undefined;

  // groups: their grants reach every member
  listGroups(): StoredGroup[];
  findGroup(name: string): StoredGroup | undefined;
  createGroup(input: { name: string; description?: string }): StoredGroup;
  /** Deletes the group with its memberships and grants. */
  deleteGroup(name: string): boolean;
  /** False when the user already is a member. */
  addMember(groupId: number, userId: number): boolean;
  removeMember(groupId: number, userId: number): boolean;
  membersOf(groupId: number): StoredUser[];
  groupsOf(userId: number): StoredGroup[];
  groupGrantsOf(groupId: number): StoredGroupGrant[];
  addGroupGrant(groupId: number, grant: Grant): StoredGroupGrant;
  /** The user's own grants followed by those of their groups. */
  effectiveGrantsOf(userId: number): EffectiveGrant[];

  // sessions: `secret` is the cookie value; only its SHA-256 is stored
  createSession(userId: number, meta: { address: string; userAgent: string }): { secret: string; session: StoredSession };
  /** The session if it exists and is within both timeouts; touches lastSeenAt. */
  resumeSession(secret: string, limits: { idleMs: number; absoluteMs: number }, now?: Date): StoredSession | undefined;
  listSessions(userId: number): StoredSession[];
  deleteSession(id: string): boolean;
  deleteSessionBySecret(secret: string): boolean;
  deleteSessionsOf(userId: number): number;

  // API tokens: `secret` is shown once; only its SHA-256 is stored
  createToken(userId: number, input: { name: string; expiresAt?: string; grants: Grant[] }): { secret: string; token: StoredToken };
  /** The token if it exists and has not expired; records lastUsedAt. */
  useToken(secret: string, now?: Date): StoredToken | undefined;
  listTokens(userId: number): StoredToken[];
  deleteToken(userId: number, id: string): boolean;

  // one-time setup token for the first administrator
  createSetupToken(ttlMs: number): string;
  consumeSetupToken(secret: string, now?: Date): boolean;

  // audit
  appendAudit(entry: NewAuditEntry): void;
  queryAudit(query: AuditQuery): { entries: AuditEntry[]; total: number };
  pruneAudit(olderThan: Date): number;

  close(): void;
}
