import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSnapshotBody,
  DeleteSnapshotQuery,
  DeleteSnapshotResult,
  RevertSnapshotBody,
  RevertSnapshotResult,
  Snapshot,
  SnapshotDetails,
  type SnapshotEvent,
  SnapshotList,
  SnapshotParams,
  VmParams,
} from '../../common/snapshots.js';
import { VmSnapshots } from '../snapshots/service.js';

// `POST …/snapshots` with no body takes a snapshot with libvirt's defaults, like `virsh snapshot-create vm`.
async function emptyBodyIsEmptyObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}

/** Snapshots of one VM: list (with what can be created), details, create, revert, delete. */
export const snapshotRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const open = async (host: string, uuid: string): Promise<VmSnapshots> => VmSnapshots.open(await app.hosts.get(host), uuid);
  const changed = (host: string, uuid: string, name: string, action: SnapshotEvent['action']): void => {
    const data: SnapshotEvent = { host, uuid, name, action };
    app.events.publish({ type: 'snapshot', data });
  };

  app.get('/hosts/:host/vms/:uuid/snapshots', { schema: { params: VmParams, response: { 200: SnapshotList } } }, async (request) => {
    const { host, uuid } = request.params;
    return (await open(host, uuid)).list();
  });

  app.post(
    '/hosts/:host/vms/:uuid/snapshots',
    { schema: { params: VmParams, body: CreateSnapshotBody, response: { 201: Snapshot } }, preValidation: emptyBodyIsEmptyObject },
    async (request, reply) => {
      const { host, uuid } = request.params;
      const created = await (await open(host, uuid)).create(request.body);
      changed(host, uuid, created.name, 'created');
      return reply.status(201).send(created);
    },
  );

  app.get('/hosts/:host/vms/:uuid/snapshots/:name', { schema: { params: SnapshotParams, response: { 200: SnapshotDetails } } }, async (request) => {
    const { host, uuid, name } = request.params;
    return (await open(host, uuid)).get(name);
  });

  app.post(
    '/hosts/:host/vms/:uuid/snapshots/:name/revert',
    { schema: { params: SnapshotParams, body: RevertSnapshotBody, response: { 200: RevertSnapshotResult } }, preValidation: emptyBodyIsEmptyObject },
    async (request) => {
      const { host, uuid, name } = request.params;
      const result = await (await open(host, uuid)).revert(name, request.body.state);
      changed(host, uuid, name, 'reverted');
      return result;
    },
  );

  app.delete(
    '/hosts/:host/vms/:uuid/snapshots/:name',
    { schema: { params: SnapshotParams, querystring: DeleteSnapshotQuery, response: { 200: DeleteSnapshotResult } } },
    async (request) => {
      const { host, uuid, name } = request.params;
      const result = await (await open(host, uuid)).delete(name, request.query.scope);
      changed(host, uuid, name, 'deleted');
      return result;
    },
  );
};
