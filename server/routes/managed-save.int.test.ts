import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.js';
import { buildTestApp, type Api } from '../../test/helpers/app.js';
import { TEST_VIRSH_URI, virsh, virshOrNull } from '../../test/helpers/virsh.js';
import type { VmActionResult, VmDetail, VmList } from '../../common/vms.js';

const config = { hosts: [{ id: 'test', uri: 'test:///default' }], listenHost: '127.0.0.1', port: 0 };
const dir = mkdtempSync(join(tmpdir(), 'vt-msave-'));
const name = `vt-msave-${randomBytes(4).toString('hex')}`;
const managedSaveLine = async (): Promise<string> => (await virsh(TEST_VIRSH_URI, 'dominfo', name)).split('\n').find((l) => l.startsWith('Managed save')) ?? '';

describe('managed save: shown in the API, discarded through DomainManagedSaveRemove', () => {
  let app: App;
  let api: Api;
  let uuid = '';
  const base = '/api/v1/hosts/test/vms';

  beforeAll(async () => {
    ({ app, api } = await buildTestApp({ config }));
    await app.hosts.ready('test');
    const file = join(dir, 'domain.xml');
    writeFileSync(file, `<domain type='test'><name>${name}</name><memory unit='MiB'>64</memory><os><type>hvm</type></os></domain>`);
    await virsh(TEST_VIRSH_URI, 'define', file);
    await virsh(TEST_VIRSH_URI, 'start', name);
    uuid = await virsh(TEST_VIRSH_URI, 'domuuid', name);
  });

  afterAll(async () => {
    await virshOrNull(TEST_VIRSH_URI, 'destroy', name);
    await virshOrNull(TEST_VIRSH_URI, 'undefine', name, '--managed-save');
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a VM without a saved state says managedSave: false in the list and its page', async () => {
    const list = (await api({ url: base })).json<VmList>();
    expect(list.vms.find((v) => v.uuid === uuid)?.managedSave).toBe(false);
    expect((await api({ url: `${base}/${uuid}` })).json<VmDetail>().managedSave).toBe(false);
    expect(await managedSaveLine()).toMatch(/no$/);
  });

  it('a VM with a managed-save image says so in the list (one bulk call) and on its page', async () => {
    await virsh(TEST_VIRSH_URI, 'managedsave', name);
    expect(await managedSaveLine()).toMatch(/yes$/);
    const list = (await api({ url: base })).json<VmList>();
    expect(list.vms.find((v) => v.uuid === uuid)).toMatchObject({ state: 'shutoff', managedSave: true });
    expect((await api({ url: `${base}/${uuid}` })).json<VmDetail>()).toMatchObject({ managedSave: true });
  });

  it('DELETE …/managed-save discards it: virsh dominfo says "Managed save: no", the VM stays defined', async () => {
    const res = await api({ method: 'DELETE', url: `${base}/${uuid}/managed-save` });
    expect(res.statusCode).toBe(200);
    expect(res.json<VmActionResult>().vm).toMatchObject({ uuid, state: 'shutoff', managedSave: false });
    expect(await managedSaveLine()).toMatch(/no$/);
    expect(await virsh(TEST_VIRSH_URI, 'domstate', name)).toBe('shut off');
  });

  it('discarding when there is no saved state answers 409 and changes nothing', async () => {
    const res = await api({ method: 'DELETE', url: `${base}/${uuid}/managed-save` });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('NO_MANAGED_SAVE');
    expect(await virsh(TEST_VIRSH_URI, 'domstate', name)).toBe('shut off');
  });
});
