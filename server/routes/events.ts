import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatFrame } from '../events/hub.js';
import { hostEventOf } from '../events/host-events.js';

const HEARTBEAT_MS = 15_000;
/** A client this far behind is dropped; it reconnects and catches up through replay or resync. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Streams never end by themselves: end them when the server closes, or close() would wait for them.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  app.get(
    '/events',
    { schema: { querystring: Type.Object({ lastEventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })) }) } },
    (request, reply) => {
      const header = request.headers['last-event-id'];
      const lastEventIdText = (typeof header === 'string' && /^[0-9]{1,15}$/.test(header) ? header : undefined) ?? request.query.lastEventId;
      const res = reply.raw;
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });

      const hub = app.events;
      let head = `retry: 2000\n\n`;
      if (lastEventIdText !== undefined) {
        const missed = hub.missedSince(Number(lastEventIdText));
        head += missed === undefined ? formatFrame(hub.lastId, 'resync', { lastEventId: hub.lastId }) : missed.join('');
      } else {
        head += formatFrame(hub.lastId, 'hello', { lastEventId: hub.lastId });
      }
      // The current state of every host, so a new or returning client starts from the truth.
      for (const summary of app.hosts.list()) head += formatFrame(undefined, 'host', hostEventOf(summary));
      // The latest figures at once rather than up to one interval later.
      for (const stats of app.vms.sampler.latest()) head += formatFrame(undefined, 'stats', stats);
      res.write(head);

      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        open.delete(close);
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      const unsubscribe = hub.subscribe((frame) => {
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          close();
          return;
        }
        res.write(frame);
      });
      const heartbeat = setInterval(() => res.write(`: heartbeat\n\n`), HEARTBEAT_MS);
      open.add(close);
      request.raw.on('close', close);
      res.on('error', close);
    },
  );
};
