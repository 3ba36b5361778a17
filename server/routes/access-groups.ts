import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { GroupCreateBody, GroupList, GroupMemberParams, GroupParams, GroupSummary, type GroupSummary as GroupSummaryType } from '../../common/access.js';
import { ErrorCodes } from '../../common/errors.js';
import type { AccessStore, StoredGroup, StoredUser } from '../auth/access-store.js';
import { storeCall } from '../auth/store-errors.js';
import { HttpError } from '../http/errors.js';
import { keepAnAdministrator } from './access-admins.js';

function groupSummary(store: AccessStore, group: StoredGroup): GroupSummaryType {
  return {
    name: group.name,
    description: group.description,
    createdAt: group.createdAt,
    members: store.membersOf(group.id).map((u) => u.username),
    grants: store.groupGrantsOf(group.id).map(({ id, role, path }) => ({ id, role, path })),
  };
}

/** Groups and their members: a group's grants reach every member. Guarded by `admin` on '/'. */
export const accessGroupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, live } = app.auth;

  const existingGroup = (name: string): StoredGroup => {
    const group = store.findGroup(name);
    if (group === undefined) throw new HttpError(404, ErrorCodes.notFound, `No group ${name}`);
    return group;
  };
  const existingUser = (username: string): StoredUser => {
    const user = store.findUser(username);
    if (user === undefined) throw new HttpError(404, ErrorCodes.notFound, `No user ${username}`);
    return user;
  };

  app.get('/access/groups', { schema: { response: { 200: GroupList } } }, async () => ({
    groups: store.listGroups().map((g) => groupSummary(store, g)),
  }));

  app.post('/access/groups', { schema: { body: GroupCreateBody, response: { 201: GroupSummary } } }, async (request, reply) => {
    const { name, description } = request.body;
    const group = await storeCall(() => store.createGroup({ name, ...(description === undefined ? {} : { description }) }));
    return reply.status(201).send(groupSummary(store, group));
  });

  app.delete('/access/groups/:group', { schema: { params: GroupParams } }, async (request, reply) => {
    const group = existingGroup(request.params.group);
    keepAnAdministrator(store, { group: group.name });
    const members = store.membersOf(group.id);
    store.deleteGroup(group.name);
    // The members' open streams and consoles were allowed under the group's grants.
    for (const member of members) live.closeUser(member.id);
    return reply.status(204).send();
  });

  app.put('/access/groups/:group/members/:username', { schema: { params: GroupMemberParams } }, async (request, reply) => {
    const group = existingGroup(request.params.group);
    const user = existingUser(request.params.username);
    await storeCall(() => store.addMember(group.id, user.id));
    return reply.status(204).send();
  });

  app.delete('/access/groups/:group/members/:username', { schema: { params: GroupMemberParams } }, async (request, reply) => {
    const group = existingGroup(request.params.group);
    const user = existingUser(request.params.username);
    if (!store.membersOf(group.id).some((m) => m.id === user.id)) {
      throw new HttpError(404, ErrorCodes.notFound, `${user.username} is not a member of ${group.name}`);
    }
    keepAnAdministrator(store, { membership: { group: group.name, userId: user.id } });
    store.removeMember(group.id, user.id);
    live.closeUser(user.id);
    return reply.status(204).send();
  });
};
