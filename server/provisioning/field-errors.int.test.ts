import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import type { ApiErrorBody } from '../../common/errors.js';
import type { ProvisioningOptions } from '../../common/provisioning.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import { provName } from './provisioning-app.test-helpers.js';

// Create showed `body/memoryMiB must be <= 16777216 BAD_REQUEST` twice: the answer now names the field and says what is wrong in words.
let app: App;
let api: Api;
const base = '/api/v1/hosts/test/vms';
const body = (name: string, memoryMiB: number) => ({ name, source: { kind: 'kernel', kernel: '/boot/vmlinuz' }, memoryMiB, storage: { kind: 'none' }, network: { kind: 'none' } });

beforeAll(async () => {
  ({ app, api } = await buildTestApp({ config: { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 } }));
  await app.hosts.ready('test');
});
afterAll(() => app.close());

describe('New VM refusals name the field they concern', () => {
  it('a schema limit: field memoryMiB, "must be at most 16777216"; nothing is defined', async () => {
    const name = provName();
    const res = await api({ method: 'POST', url: base, payload: body(name, 99999999) });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiErrorBody>().error).toMatchObject({ code: 'BAD_REQUEST', field: 'memoryMiB', reason: 'must be at most 16777216' });
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', name)).toBeNull();
  });

  it("more memory than the host has is refused with the host's figure (virsh nodeinfo), on field memoryMiB", async () => {
    const name = provName();
    const opts = (await api({ url: '/api/v1/hosts/test/provisioning/options' })).json<ProvisioningOptions>();
    const hostMiB = Math.floor(opts.hostMemoryBytes / 1024 ** 2);
    const nodeKiB = /Memory size:\s+(\d+) KiB/.exec(await virsh(TEST_VIRSH_URI, 'nodeinfo'))?.[1];
    expect(hostMiB).toBe(Math.floor(Number(nodeKiB) / 1024));
    const res = await api({ method: 'POST', url: base, payload: { ...body(name, hostMiB + 1), dryRun: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiErrorBody>().error).toMatchObject({ field: 'memoryMiB', reason: `must be at most ${hostMiB} MiB (the host's memory)` });
    const ok = await api({ method: 'POST', url: base, payload: { ...body(name, hostMiB), dryRun: true } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await virshOrNull(TEST_VIRSH_URI, 'domstate', name)).toBeNull();
  });
});
