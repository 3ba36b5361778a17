import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { SseClient } from '../events/sse-client.test-helpers.js';
import { createTestGuest, type TestGuest } from '../../test/helpers/guest.js';
import { QEMU_URI, virsh } from '../../test/helpers/virsh.js';
import type { VmDetail, VmSummary } from '../../common/vms.js';

const config = { hosts: [{ id: 'local', uri: 'qemu:///system' }], listenHost: '127.0.0.1', port: 0 };

describe('VM lifecycle on qemu:///system with the test guest', () => {
  let app: App;
  let api: Api;
  let socketHeaders: () => Record<string, string>;
  let url: string;
  let guest: TestGuest;
  let base: string;
  const domstate = () => virsh(QEMU_URI, 'domstate', guest.uuid);

  beforeAll(async () => {
    guest = await createTestGuest({ prefix: 'vms', disk: 'qcow2', nic: true, vnc: true });
    ({ app, api, socketHeaders } = await buildTestApp({ config }));
    await app.hosts.ready('local');
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    base = `/api/v1/hosts/local/vms/${guest.uuid}`;
  });
  afterAll(async () => {
    await app?.close();
    await guest?.cleanup();
  });

  const act = async (action: string) => {
    const res = await api({ method: 'POST', url: `${base}/${action}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ vm: VmSummary }>().vm;
  };

  it('starts, pauses, resumes, shuts down by ACPI and forces off, as virsh domstate shows', async () => {
    const sse = await SseClient.open(`${url}/api/v1/events`, socketHeaders());
    try {
      expect((await act('start')).state).toBe('running');
      expect(await domstate()).toBe('running');
      await sse.next((m) => m.event === 'vm' && m.data.includes(guest.uuid) && m.data.includes('"started"'));
      await guest.waitForBanner(30_000);

      const detail = (await api({ url: base })).json<VmDetail>();
      expect(detail.id).toBeGreaterThan(0);
      expect(detail.graphics[0]).toMatchObject({ type: 'vnc', listen: '127.0.0.1', autoport: true });
      expect(detail.graphics[0]?.port).toBe(Number((await virsh(QEMU_URI, 'vncdisplay', guest.uuid)).replace(/^.*:/, '')) + 5900);
      expect(detail.disks[0]).toMatchObject({ target: 'vda', format: 'qcow2', sourceFile: guest.diskPath });
      expect(detail.interfaces[0]).toMatchObject({ type: 'network', sourceNetwork: 'default', model: 'virtio' });
      expect(detail.interfaces[0]?.targetDev).toMatch(/^vnet\d+$/);
      expect(detail.uptimeSeconds).toBeGreaterThanOrEqual(0);
      // A server that did not see the start still knows the uptime, from QEMU's pid file.
      const late = await buildTestApp({ config });
      try {
        await late.app.hosts.ready('local');
        const seen = (await late.api({ url: base })).json<VmDetail>();
        expect(seen.uptimeSeconds).toBeGreaterThanOrEqual(1);
        expect(seen.uptimeSeconds).toBeLessThan(120);
      } finally {
        await late.app.close();
      }

      // A stats event carries this running VM with a CPU figure from the second sample on.
      await expect
        .poll(() => sse.messages.filter((m) => m.event === 'stats' && m.data.includes(guest.uuid) && m.data.includes('cpuPercent')).length, { timeout: 10_000 })
        .toBeGreaterThan(0);

      expect((await act('suspend')).state).toBe('paused');
      expect(await domstate()).toBe('paused');
      const refused = await api({ method: 'POST', url: `${base}/start` });
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('VIR_ERR_OPERATION_INVALID');
      expect(await domstate()).toBe('paused');

      expect((await act('resume')).state).toBe('running');
      expect(await domstate()).toBe('running');
      const resumeRunning = await api({ method: 'POST', url: `${base}/resume` });
      expect(resumeRunning.statusCode, resumeRunning.body).toBe(409);
      expect(await domstate()).toBe('running');

      await act('shutdown');
      await expect.poll(domstate, { timeout: 30_000, interval: 250 }).toBe('shut off');
      await sse.next((m) => m.event === 'vm' && m.data.includes(guest.uuid) && m.data.includes('"stopped"'), 5000);

      expect((await act('start')).state).toBe('running');
      expect(await domstate()).toBe('running');
      expect((await act('destroy')).state).toBe('shutoff');
      expect(await domstate()).toBe('shut off');
      const notRunning = await api({ method: 'POST', url: `${base}/shutdown` });
      expect(notRunning.statusCode).toBe(409);
      expect(await domstate()).toBe('shut off');
    } finally {
      sse.close();
    }
  });
});
