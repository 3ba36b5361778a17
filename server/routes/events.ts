import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatFrame } from '../events/hub.js';
import { hostEventOf } from '../events/host-events.js';
import { eventGate } from '../auth/event-filter.js';

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
      const principal = request.principal;
      const recheck = request.recheckCredential;
      // The guard admits only authenticated requests here.
      if (principal === undefined || recheck === undefined) return reply.status(401).send();
      const gate = eventGate(principal.access);
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
      const add = (frame: string | undefined): void => {
        if (frame !== undefined) head += frame;
      };
      if (lastEventIdText !== undefined) {
        const missed = hub.missedEventsSince(Number(lastEventIdText));
        if (missed === undefined) add(formatFrame(hub.lastId, 'resync', { lastEventId: hub.lastId }));
        else for (const event of missed) add(gate(event.frame, event));
      } else {
        head += formatFrame(hub.lastId, 'hello', { lastEventId: hub.lastId });
      }
      // The current state of every host, so a new or returning client starts from the truth.
      for (const summary of app.hosts.list()) {
        const data = hostEventOf(summary);
        add(gate(formatFrame(undefined, 'host', data), { type: 'host', data }));
      }
      // The latest figures at once rather than up to one interval later.
      for (const stats of app.vms.sampler.latest()) add(gate(formatFrame(undefined, 'stats', stats), { type: 'stats', data: stats }));
      res.write(head);

      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        open.delete(close);
        clearInterval(heartbeat);
        unsubscribe();
        liveHandle.remove();
        res.end();
      };
      const unsubscribe = hub.subscribe((frame, event) => {
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          close();
          return;
        }
        const allowed = gate(frame, event);
        if (allowed !== undefined) res.write(allowed);
      });
      // Logout, a revoked session or token, or a disabled user ends the stream.
      const liveHandle = app.auth.live.add(principal, recheck, close);
      const heartbeat = setInterval(() => res.write(`: heartbeat\n\n`), HEARTBEAT_MS);
      open.add(close);
      request.raw.on('close', close);
      res.on('error', close);
    },
  );
};
