import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import {
  PoolParamsSchema, UploadResultSchema, VolumeCloneBodySchema, VolumeCreateBodySchema, VolumeDetailsSchema,
  VolumeListSchema, VolumeParamsSchema, VolumeResizeBodySchema,
} from '../../common/storage.js';
import type { StorageClient } from '../storage/client.js';
import { publishPoolEvent } from '../storage/events.js';
import { invalid } from '../storage/errors.js';
import { downloadFromVolume, uploadLength, uploadToVolume } from '../storage/transfer.js';
import {
  cloneVolume, createVolume, deleteVolume, getVolume, listVolumes, resizeVolume, wipeVolume,
} from '../storage/volumes.js';

const DeleteQuerySchema = Type.Object({ force: Type.Optional(Type.Enum(['0', '1', 'true', 'false'])) });

/** Volumes of a pool, including streamed upload and download of their content. */
export const volumeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Upload bodies stay a stream: the handler pipes them into libvirt (this plugin's scope only).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  const client = (host: string): StorageClient => app.hosts.get(host);
  /** A volume changed the pool's allocation: tell the pool's listeners. */
  const poolChanged = (host: string, pool: string): void => publishPoolEvent(app.events, { host, id: pool, name: pool, event: 'changed' });

  app.get('/hosts/:host/pools/:pool/volumes', { schema: { params: PoolParamsSchema, response: { 200: VolumeListSchema } } }, async (request) => ({
    volumes: await listVolumes(client(request.params.host), request.params.pool),
  }));

  app.post(
    '/hosts/:host/pools/:pool/volumes',
    { schema: { params: PoolParamsSchema, body: VolumeCreateBodySchema, response: { 201: VolumeDetailsSchema } } },
    async (request, reply) => {
      const { host, pool } = request.params;
      const created = await createVolume(client(host), pool, request.body);
      poolChanged(host, pool);
      return reply.status(201).send(created);
    },
  );

  app.get('/hosts/:host/pools/:pool/volumes/:vol', { schema: { params: VolumeParamsSchema, response: { 200: VolumeDetailsSchema } } }, async (request) =>
    getVolume(client(request.params.host), request.params.pool, request.params.vol));

  app.delete('/hosts/:host/pools/:pool/volumes/:vol', { schema: { params: VolumeParamsSchema, querystring: DeleteQuerySchema } }, async (request, reply) => {
    const { host, pool, vol } = request.params;
    const force = request.query.force === '1' || request.query.force === 'true';
    await deleteVolume(client(host), pool, vol, force);
    poolChanged(host, pool);
    return reply.status(204).send();
  });

  app.post('/hosts/:host/pools/:pool/volumes/:vol/wipe', { schema: { params: VolumeParamsSchema, response: { 200: VolumeDetailsSchema } } }, async (request) => {
    const { host, pool, vol } = request.params;
    const result = await wipeVolume(client(host), pool, vol);
    poolChanged(host, pool);
    return result;
  });

  app.post(
    '/hosts/:host/pools/:pool/volumes/:vol/resize',
    { schema: { params: VolumeParamsSchema, body: VolumeResizeBodySchema, response: { 200: VolumeDetailsSchema } } },
    async (request) => {
      const { host, pool, vol } = request.params;
      const result = await resizeVolume(client(host), pool, vol, request.body);
      poolChanged(host, pool);
      return result;
    },
  );

  app.post(
    '/hosts/:host/pools/:pool/volumes/:vol/clone',
    { schema: { params: VolumeParamsSchema, body: VolumeCloneBodySchema, response: { 201: VolumeDetailsSchema } } },
    async (request, reply) => {
      const { host, pool, vol } = request.params;
      const result = await cloneVolume(client(host), pool, vol, request.body.name);
      poolChanged(host, pool);
      return reply.status(201).send(result);
    },
  );

  app.put('/hosts/:host/pools/:pool/volumes/:vol/content', { schema: { params: VolumeParamsSchema, response: { 200: UploadResultSchema } } }, async (request) => {
    const { host, pool, vol } = request.params;
    const body: unknown = request.body;
    if (!(body instanceof Readable)) throw invalid('Send the volume content as application/octet-stream');
    const length = uploadLength(request.headers['content-length']);
    const c = client(host);
    const bytes = await uploadToVolume(c, pool, vol, body, length);
    poolChanged(host, pool);
    return { bytes, volume: await getVolume(c, pool, vol) };
  });

  app.get('/hosts/:host/pools/:pool/volumes/:vol/content', { schema: { params: VolumeParamsSchema } }, async (request, reply) => {
    const { host, pool, vol } = request.params;
    const download = await downloadFromVolume(client(host), pool, vol);
    void reply
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(vol)}`);
    if (download.size !== undefined) void reply.header('content-length', String(download.size));
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) download.stream.destroy();
    });
    return reply.send(download.stream);
  });
};
