import { describe, expect, it } from 'vitest';
import { LibvirtClient } from './index.js';
import { TEST_URI } from './test-support.test-helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('keepalive with the real daemon', () => {
  it('stays connected while idle: the daemon answers our frequent PINGs', async () => {
    const client = await LibvirtClient.connect({ uri: TEST_URI, keepalive: { intervalMs: 200, count: 1 } });
    const drops: unknown[] = [];
    client.on('disconnected', (e) => drops.push(e));
    try {
      // Without PONGs the client would drop the connection after 400 ms of silence.
      await sleep(2500);
      expect(drops).toEqual([]);
      expect(client.state).toBe('connected');
      expect((await client.connectGetUri()).uri).toBe(TEST_URI);
    } finally {
      await client.close();
    }
  });

  it("answers the daemon's own PINGs, so the daemon keeps an idle client (keepalive 5 s x 5)", async () => {
    // Our own pings effectively off: only the daemon's pings and our PONGs cross the wire.
    const client = await LibvirtClient.connect({ uri: TEST_URI, keepalive: { intervalMs: 600_000, count: 1 }, reconnect: false });
    const drops: unknown[] = [];
    client.on('disconnected', (e) => drops.push(e));
    try {
      await sleep(36_000);
      expect(drops).toEqual([]);
      expect((await client.connectGetUri()).uri).toBe(TEST_URI);
    } finally {
      await client.close();
    }
  }, 50_000);
});
