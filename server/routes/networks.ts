import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HostParams } from '../../common/hosts.js';
import { NetworkAutostartBody, NetworkCreateBody, NetworkDetail, NetworkLeases, NetworkList, NetworkParams } from '../../common/networks.js';
import { forwardNetworkEvents, publishNetworkEvent } from '../networks/events.js';
import {
  createNetwork, deleteNetwork, getLeases, getNetwork, listNetworks, setNetworkAutostart, startNetwork, stopNetwork,
} from '../networks/service.js';

const StopQuery = Type.Object({ force: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true'), Type.Literal('0'), Type.Literal('false')])) });

/** Virtual networks: list, details, leases, create, start, stop, autostart, delete; publishes `network` events. */
export const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const stopForwarding = forwardNetworkEvents(app.hosts, app.events);
  app.addHook('onClose', async () => stopForwarding());

  app.get('/hosts/:host/networks', { schema: { params: HostParams, response: { 200: NetworkList } } }, async (request) => ({
    networks: await listNetworks(app.hosts.get(request.params.host)),
  }));

  app.post('/hosts/:host/networks', { schema: { params: HostParams, body: NetworkCreateBody, response: { 201: NetworkDetail } } }, async (request, reply) => {
    const network = await createNetwork(app.hosts.get(request.params.host), request.body);
    return reply.status(201).send(network);
  });

  app.get('/hosts/:host/networks/:name', { schema: { params: NetworkParams, response: { 200: NetworkDetail } } }, async (request) =>
    getNetwork(app.hosts.get(request.params.host), request.params.name),
  );

  app.get('/hosts/:host/networks/:name/leases', { schema: { params: NetworkParams, response: { 200: NetworkLeases } } }, async (request) => ({
    leases: await getLeases(app.hosts.get(request.params.host), request.params.name),
  }));

  app.post('/hosts/:host/networks/:name/start', { schema: { params: NetworkParams, response: { 200: NetworkDetail } } }, async (request) =>
    startNetwork(app.hosts.get(request.params.host), request.params.name),
  );

  app.post('/hosts/:host/networks/:name/stop', { schema: { params: NetworkParams, querystring: StopQuery, response: { 200: NetworkDetail } } }, async (request) => {
    const force = request.query.force === '1' || request.query.force === 'true';
    return stopNetwork(app.hosts.get(request.params.host), request.params.name, force);
  });

  app.put('/hosts/:host/networks/:name/autostart', { schema: { params: NetworkParams, body: NetworkAutostartBody, response: { 200: NetworkDetail } } }, async (request) => {
    const { host, name } = request.params;
    const network = await setNetworkAutostart(app.hosts.get(host), name, request.body.enabled);
    // libvirt sends no event for autostart changes.
    publishNetworkEvent(app.events, { host, name, event: 'changed' });
    return network;
  });

  app.delete('/hosts/:host/networks/:name', { schema: { params: NetworkParams } }, async (request, reply) => {
    await deleteNetwork(app.hosts.get(request.params.host), request.params.name);
    return reply.status(204).send();
  });
};
