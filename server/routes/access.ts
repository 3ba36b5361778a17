import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  GrantCreateBody, RoleCreateBody, RoleList, UserCreateBody, UserList, UserParams, UserSummary, UserUpdateBody,
  type UserSummary as UserSummaryType,
} from '../../common/access.js';
import { ErrorCodes } from '../../common/errors.js';
import type { AccessStore, StoredGroup, StoredUser } from '../auth/access-store.js';
import { storeCall } from '../auth/store-errors.js';
import { HttpError } from '../http/errors.js';
import { keepAnAdministrator } from './access-admins.js';
import { accessGroupRoutes } from './access-groups.js';

const RoleParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }) });
const GrantParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const GrantCreated = Type.Object({ id: Type.Integer(), username: Type.Optional(Type.String()), group: Type.Optional(Type.String()), role: Type.String(), path: Type.String() });
const RoleCreated = Type.Object({ name: Type.String(), description: Type.String(), privileges: Type.Array(Type.String()), builtIn: Type.Boolean() });

function summaryOf(store: AccessStore, user: StoredUser): UserSummaryType {
  return {
    username: user.username,
    realm: user.realm,
    ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
    disabled: user.disabled,
    createdAt: user.createdAt,
    grants: store.grantsOf(user.id).map(({ id, role, path }) => ({ id, role, path })),
    groups: store.groupsOf(user.id).map((g) => g.name),
  };
}

/** Users, roles and grants: the Users & roles page. Guarded by `admin` on '/'. */
export const accessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, live } = app.auth;

  const existingUser = (username: string): StoredUser => {
    const user = store.findUser(username);
    if (user === undefined) throw new HttpError(404, ErrorCodes.notFound, `No user ${username}`);
    return user;
  };
  const existingGroup = (name: string): StoredGroup => {
    const group = store.findGroup(name);
    if (group === undefined) throw new HttpError(404, ErrorCodes.notFound, `No group ${name}`);
    return group;
  };

  app.get('/access/users', { schema: { response: { 200: UserList } } }, async () => ({
    users: store.listUsers().map((u) => summaryOf(store, u)),
  }));

  app.post('/access/users', { schema: { body: UserCreateBody, response: { 201: UserSummary } } }, async (request, reply) => {
    const { username, realm = 'local', password, displayName } = request.body;
    if (realm === 'local' && password === undefined) throw new HttpError(400, ErrorCodes.badRequest, 'A local user needs a password');
    if (realm !== 'local' && password !== undefined) throw new HttpError(400, ErrorCodes.badRequest, `${realm} users log in with the host's password; give none`);
    const named = { username, realm, ...(displayName === undefined ? {} : { displayName }) };
    const user = await storeCall(() => store.createUser(password === undefined ? named : { ...named, password }));
    return reply.status(201).send(summaryOf(store, user));
  });

  app.patch('/access/users/:username', { schema: { params: UserParams, body: UserUpdateBody, response: { 200: UserSummary } } }, async (request) => {
    const user = existingUser(request.params.username);
    const { disabled, password, displayName } = request.body;
    if (disabled === true && !user.disabled) keepAnAdministrator(store, { userId: user.id });
    if (password !== undefined && user.realm !== 'local') throw new HttpError(400, ErrorCodes.badRequest, `${user.username} logs in with the password of the Linux account on the host; change it there (passwd)`);
    const change = { ...(disabled === undefined ? {} : { disabled }), ...(displayName === undefined ? {} : { displayName }) };
    const updated = store.updateUser(user.username, change) ?? existingUser(user.username);
    if (password !== undefined) await store.setPassword(user.username, password);
    if (disabled === true || password !== undefined) {
      // The user's logins end; an administrator resetting their own password keeps the session doing it.
      const keep = request.principal?.user.id === user.id && request.principal.via === 'session' ? request.principal : undefined;
      for (const session of store.listSessions(user.id)) if (session.id !== keep?.credentialId) store.deleteSession(session.id);
      live.closeUser(user.id, keep && { via: keep.via, credentialId: keep.credentialId });
    }
    return summaryOf(store, updated);
  });

  app.delete('/access/users/:username', { schema: { params: UserParams } }, async (request, reply) => {
    const user = existingUser(request.params.username);
    keepAnAdministrator(store, { userId: user.id });
    store.deleteUser(user.username);
    live.closeUser(user.id);
    return reply.status(204).send();
  });

  app.get('/access/roles', { schema: { response: { 200: RoleList } } }, async () => ({ roles: store.listRoles() }));

  app.post('/access/roles', { schema: { body: RoleCreateBody, response: { 201: RoleCreated } } }, async (request, reply) => {
    const { name, description = '', privileges } = request.body;
    const role = await storeCall(() => store.createRole({ name, description, privileges }));
    return reply.status(201).send(role);
  });

  app.delete('/access/roles/:name', { schema: { params: RoleParams } }, async (request, reply) => {
    const deleted = await storeCall(() => store.deleteRole(request.params.name));
    if (!deleted) throw new HttpError(404, ErrorCodes.notFound, `No role ${request.params.name}`);
    return reply.status(204).send();
  });

  app.post('/access/grants', { schema: { body: GrantCreateBody, response: { 201: GrantCreated } } }, async (request, reply) => {
    const { username, group, role, path } = request.body;
    if (group !== undefined && username === undefined) {
      const target = existingGroup(group);
      const grant = await storeCall(() => store.addGroupGrant(target.id, { role, path }));
      return reply.status(201).send({ id: grant.id, group: target.name, role: grant.role, path: grant.path });
    }
    if (username === undefined || group !== undefined) throw new HttpError(400, ErrorCodes.badRequest, 'Name either a username or a group to grant the role to');
    const user = existingUser(username);
    const grant = await storeCall(() => store.addGrant(user.id, { role, path }));
    return reply.status(201).send({ id: grant.id, username: user.username, role: grant.role, path: grant.path });
  });

  app.delete('/access/grants/:id', { schema: { params: GrantParams } }, async (request, reply) => {
    const { id } = request.params;
    const owner = store.grantOwner(id);
    if (owner === undefined) throw new HttpError(404, ErrorCodes.notFound, `No grant ${id}`);
    keepAnAdministrator(store, { grantId: id });
    const affected = owner.kind === 'user' ? [owner.userId] : store.membersOf(owner.groupId).map((u) => u.id);
    store.removeGrant(id);
    // Open streams and consoles were allowed under the old grants: end them (the browser reconnects under the new ones).
    for (const userId of affected) live.closeUser(userId);
    return reply.status(204).send();
  });

  await app.register(accessGroupRoutes);
};
