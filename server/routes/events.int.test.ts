import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/helpers/app.js';
import { SseClient } from '../events/sse-client.test-helpers.js';

const config = { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 };

describe('GET /api/v1/events', () => {
  it('starts with an id and the state of every host, and ends its streams when the server closes', async () => {
    const { app, socketHeaders } = await buildTestApp({ config });
    await app.hosts.ready('test');
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const sse = await SseClient.open(`${url}/api/v1/events`, socketHeaders());
    const hello = await sse.next((m) => m.event === 'hello');
    expect(hello.id).toMatch(/^\d+$/);
    const host = JSON.parse((await sse.next((m) => m.event === 'host')).data) as { host: string; state: string; uri: string };
    expect(host).toMatchObject({ host: 'test', state: 'connected', uri: 'test:///default' });

    const t0 = performance.now();
    await app.close();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(app.events.listenerCount).toBe(0);
    sse.close();
  });

  it('rejects a malformed lastEventId', async () => {
    const { app, api } = await buildTestApp({ config });
    try {
      const res = await api({ url: '/api/v1/events?lastEventId=abc' });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
    } finally {
      await app.close();
    }
  });
});
