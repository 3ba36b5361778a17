import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HostFacts, HostList, HostParams } from '../../common/hosts.js';
import { readHostFacts } from '../hosts/facts.js';

export const hostRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/hosts', { schema: { response: { 200: HostList } } }, async () => ({ hosts: app.hosts.list() }));

  app.get('/hosts/:host', { schema: { params: HostParams, response: { 200: HostFacts } } }, async (request) => {
    const { host } = request.params;
    const client = app.hosts.get(host);
    return readHostFacts(host, app.hosts.uri(host), client);
  });
};
