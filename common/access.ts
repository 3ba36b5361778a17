import { Type, type Static } from 'typebox';

/** What a role lets its holder do; granted on a path and inherited by everything below it. */
export const PRIVILEGES = [
  'vm.view',
  'vm.power',
  'vm.console',
  'vm.snapshot',
  'vm.config',
  'vm.create',
  'vm.delete',
  'storage.view',
  'storage.edit',
  'network.view',
  'network.edit',
  'host.view',
  'audit.view',
  'admin',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];
export const PrivilegeSchema = Type.Enum([...PRIVILEGES]);

export interface RoleDefinition {
  name: string;
  description: string;
  privileges: Privilege[];
  builtIn: boolean;
}

const VIEW: Privilege[] = ['vm.view', 'storage.view', 'network.view', 'host.view'];

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  { name: 'Administrator', description: 'Everything, including users, roles, hosts and the audit log', privileges: [...PRIVILEGES], builtIn: true },
  {
    name: 'Operator',
    description: 'Runs, configures, snapshots, creates and deletes VMs; sees storage and networks',
    privileges: [...VIEW, 'vm.power', 'vm.console', 'vm.snapshot', 'vm.config', 'vm.create', 'vm.delete'],
    builtIn: true,
  },
  { name: 'Console user', description: 'Sees VMs and uses their consoles', privileges: ['vm.view', 'vm.console'], builtIn: true },
  { name: 'Auditor', description: 'Reads everything, including the audit log; changes nothing', privileges: [...VIEW, 'audit.view'], builtIn: true },
];

/**
 * Paths are `/`, `/hosts/:host`, `/hosts/:host/vms/:uuid`, `/hosts/:host/pools/:pool`,
 * `/hosts/:host/networks/:net`. Segments are checked, never turned into file paths.
 */
export const ACL_PATH_PATTERN = '^/$|^/hosts/[a-z0-9][a-z0-9-]{0,62}(/(vms|pools|networks)/[^/\\s]{1,255})?$';
const ACL_PATH = new RegExp(ACL_PATH_PATTERN);

export function isAclPath(path: string): boolean {
  return ACL_PATH.test(path);
}

export function hostPath(host: string): string {
  return `/hosts/${host}`;
}
export function objectPath(host: string, kind: 'vms' | 'pools' | 'networks', id: string): string {
  return `/hosts/${host}/${kind}/${id}`;
}

/** A role granted on a path; `path` covers itself and everything below it. */
export interface Grant {
  role: string;
  path: string;
}

/** True when `path` equals `scope` or lies below it (`/hosts/a` covers `/hosts/a/vms/x`, not `/hosts/ab`). */
export function pathCovers(scope: string, path: string): boolean {
  if (scope === '/') return true;
  return path === scope || path.startsWith(`${scope}/`);
}

/** The privileges the grants give on `path`, resolved against the role definitions. */
export function privilegesAt(grants: readonly Grant[], roles: readonly RoleDefinition[], path: string): Set<Privilege> {
  const out = new Set<Privilege>();
  for (const grant of grants) {
    if (!pathCovers(grant.path, path)) continue;
    const role = roles.find((r) => r.name === grant.role);
    for (const privilege of role?.privileges ?? []) out.add(privilege);
  }
  return out;
}

export function can(grants: readonly Grant[], roles: readonly RoleDefinition[], privilege: Privilege, path: string): boolean {
  return privilegesAt(grants, roles, path).has(privilege);
}

/**
 * True when some grant gives `privilege` on `path` or anywhere below it: a user with `vm.view` on one VM
 * may list the host's VMs (and sees only that one).
 */
export function canSomewhereBelow(grants: readonly Grant[], roles: readonly RoleDefinition[], privilege: Privilege, path: string): boolean {
  if (can(grants, roles, privilege, path)) return true;
  return grants.some((g) => pathCovers(path, g.path) && (roles.find((r) => r.name === g.role)?.privileges.includes(privilege) ?? false));
}

// ---- API shapes ----

export const USERNAME_PATTERN = '^[a-z_][a-z0-9_.-]{0,31}$';
export const MIN_PASSWORD_LENGTH = 12;
export const GROUP_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9 _.-]{0,63}$';
export const Username = Type.String({ pattern: USERNAME_PATTERN, description: 'Lower-case letters, digits, ".", "_" and "-"; 1-32 characters' });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
export const NewPassword = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 });

export const Realm = Type.Enum(['local', 'pam']);
export type Realm = Static<typeof Realm>;

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Password }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const SetupStatus = Type.Object({ needed: Type.Boolean() });
export type SetupStatus = Static<typeof SetupStatus>;
export const SetupBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 256 }), username: Username, password: NewPassword }, { additionalProperties: false });
export type SetupBody = Static<typeof SetupBody>;

export const PasswordChangeBody = Type.Object({ currentPassword: Password, newPassword: NewPassword }, { additionalProperties: false });
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const GrantSchema = Type.Object({ role: Type.String({ minLength: 1, maxLength: 64 }), path: Type.String({ pattern: ACL_PATH_PATTERN }) });

export const UserSummary = Type.Object({
  username: Type.String(),
  realm: Realm,
  displayName: Type.Optional(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  grants: Type.Array(Type.Object({ id: Type.Integer(), role: Type.String(), path: Type.String() })),
  /** The groups the user belongs to; their grants reach the user too. */
  groups: Type.Array(Type.String()),
});
export type UserSummary = Static<typeof UserSummary>;
export const UserList = Type.Object({ users: Type.Array(UserSummary) });
export type UserList = Static<typeof UserList>;

export const Me = Type.Object({
  username: Type.String(),
  realm: Realm,
  displayName: Type.Optional(Type.String()),
  /** How this request was authenticated. */
  via: Type.Enum(['session', 'token']),
  grants: Type.Array(GrantSchema),
  /** Every role the grants name, with its privileges, so the SPA can resolve any path itself (privilegesAt). */
  roles: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), privileges: Type.Array(PrivilegeSchema), builtIn: Type.Boolean() })),
});
export type Me = Static<typeof Me>;

/** `realm` defaults to local, whose users need a password; pam users log in with their host account's and have none here. */
export const UserCreateBody = Type.Object(
  { username: Username, realm: Type.Optional(Realm), password: Type.Optional(NewPassword), displayName: Type.Optional(Type.String({ maxLength: 128 })) },
  { additionalProperties: false },
);
export type UserCreateBody = Static<typeof UserCreateBody>;
export const UserUpdateBody = Type.Object(
  { disabled: Type.Optional(Type.Boolean()), password: Type.Optional(NewPassword), displayName: Type.Optional(Type.String({ maxLength: 128 })) },
  { additionalProperties: false },
);
export type UserUpdateBody = Static<typeof UserUpdateBody>;
export const UserParams = Type.Object({ username: Username });

export const RoleList = Type.Object({
  roles: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), privileges: Type.Array(PrivilegeSchema), builtIn: Type.Boolean() })),
});
export type RoleList = Static<typeof RoleList>;
export const RoleCreateBody = Type.Object(
  { name: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9 _-]{0,63}$' }), description: Type.Optional(Type.String({ maxLength: 256 })), privileges: Type.Array(PrivilegeSchema, { minItems: 1 }) },
  { additionalProperties: false },
);
export type RoleCreateBody = Static<typeof RoleCreateBody>;

export const GroupName = Type.String({ pattern: GROUP_NAME_PATTERN, description: 'A letter, then letters, digits, " ", ".", "_" and "-"; 1-64 characters' });

/** Exactly one of `username` and `group` names whom the role is granted to. */
export const GrantCreateBody = Type.Object(
  { username: Type.Optional(Username), group: Type.Optional(GroupName), role: Type.String({ minLength: 1, maxLength: 64 }), path: Type.String({ pattern: ACL_PATH_PATTERN }) },
  { additionalProperties: false },
);
export type GrantCreateBody = Static<typeof GrantCreateBody>;

export const GroupSummary = Type.Object({
  name: Type.String(),
  description: Type.String(),
  createdAt: Type.String(),
  /** Usernames of the members. */
  members: Type.Array(Type.String()),
  grants: Type.Array(Type.Object({ id: Type.Integer(), role: Type.String(), path: Type.String() })),
});
export type GroupSummary = Static<typeof GroupSummary>;
export const GroupList = Type.Object({ groups: Type.Array(GroupSummary) });
export type GroupList = Static<typeof GroupList>;
export const GroupCreateBody = Type.Object({ name: GroupName, description: Type.Optional(Type.String({ maxLength: 256 })) }, { additionalProperties: false });
export type GroupCreateBody = Static<typeof GroupCreateBody>;
export const GroupParams = Type.Object({ group: GroupName });
export const GroupMemberParams = Type.Object({ group: GroupName, username: Username });

export const TokenSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Optional(Type.String()),
  lastUsedAt: Type.Optional(Type.String()),
  /** Grants the token carries: a subset of its owner's; none means all of the owner's. */
  grants: Type.Array(GrantSchema),
});
export type TokenSummary = Static<typeof TokenSummary>;
export const TokenList = Type.Object({ tokens: Type.Array(TokenSummary) });
export type TokenList = Static<typeof TokenList>;
export const TokenCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    grants: Type.Optional(Type.Array(GrantSchema, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type TokenCreateBody = Static<typeof TokenCreateBody>;
/** The only answer that ever carries the secret. */
export const TokenCreated = Type.Object({ token: Type.String(), summary: TokenSummary });
export type TokenCreated = Static<typeof TokenCreated>;

export const SessionSummary = Type.Object({ id: Type.String(), createdAt: Type.String(), lastSeenAt: Type.String(), address: Type.String(), userAgent: Type.String(), current: Type.Boolean() });
export const SessionList = Type.Object({ sessions: Type.Array(SessionSummary) });
export type SessionList = Static<typeof SessionList>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  username: Type.Optional(Type.String()),
  address: Type.String(),
  method: Type.String(),
  path: Type.String(),
  /** The ACL path of the object acted on, e.g. /hosts/local/vms/<uuid>. */
  object: Type.Optional(Type.String()),
  action: Type.String(),
  /** The request body with secrets removed, as JSON text (at most 2 KiB). */
  summary: Type.Optional(Type.String()),
  status: Type.Integer(),
  durationMs: Type.Number(),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditQuery = Type.Object(
  {
    user: Type.Optional(Type.String({ maxLength: 64 })),
    object: Type.Optional(Type.String({ maxLength: 512 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    result: Type.Optional(Type.Enum(['success', 'failure'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry), total: Type.Integer() });
export type AuditPage = Static<typeof AuditPage>;

export const SESSION_COOKIE = 'virtdeck_session';
