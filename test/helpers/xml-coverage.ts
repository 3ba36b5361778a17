/**
 * The domain and network of server/xml/fixtures (one disk per source type, four IP blocks) defined on
 * test:///default under fresh names, for the tests that check what the API and the pages show of them.
 * The caller must hold test:///default open (the app or the e2e server does) or they vanish with virsh.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_VIRSH_URI, virsh, virshOrNull } from './virsh.js';

export interface XmlCoverageFixtures {
  vmName: string;
  uuid: string;
  /** The volume of default-pool the `vdb` disk names. */
  volume: string;
  netName: string;
  remove(): Promise<void>;
}

const fixture = (name: string) => readFileSync(new URL(`../../server/xml/fixtures/${name}`, import.meta.url), 'utf8');

export async function defineXmlCoverageFixtures(): Promise<XmlCoverageFixtures> {
  const suffix = randomBytes(4).toString('hex');
  const names = {
    vmName: `vt-xmlcov-${suffix}`,
    uuid: `${randomBytes(4).toString('hex')}-2222-4333-8444-${randomBytes(6).toString('hex')}`,
    volume: `vt-xmlcov-${suffix}.img`,
    netName: `vt-xmlcov-${suffix}`,
  };
  const dir = mkdtempSync(join(tmpdir(), 'vt-xmlcov-'));
  const remove = async (): Promise<void> => {
    await virshOrNull(TEST_VIRSH_URI, 'undefine', names.uuid);
    await virshOrNull(TEST_VIRSH_URI, 'vol-delete', '--pool', 'default-pool', names.volume);
    await virshOrNull(TEST_VIRSH_URI, 'net-destroy', names.netName);
    await virshOrNull(TEST_VIRSH_URI, 'net-undefine', names.netName);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await virsh(TEST_VIRSH_URI, 'vol-create-as', 'default-pool', names.volume, '1M');
    const domainFile = join(dir, 'domain.xml');
    writeFileSync(
      domainFile,
      fixture('domain-disk-sources.xml')
        .replace('<name>vt-xmlcov-disks</name>', `<name>${names.vmName}</name>`)
        .replace(/<uuid>[^<]*<\/uuid>/, `<uuid>${names.uuid}</uuid>`)
        .replace("volume='vt-xmlcov-vol.img'", `volume='${names.volume}'`),
    );
    await virsh(TEST_VIRSH_URI, 'define', domainFile);
    const netFile = join(dir, 'network.xml');
    writeFileSync(
      netFile,
      fixture('network-ip-blocks.xml').replace('<name>vt-xmlcov-net</name>', `<name>${names.netName}</name>`).replace("bridge name='vtxmlcov0'", `bridge name='vtxc${suffix.slice(0, 6)}'`),
    );
    await virsh(TEST_VIRSH_URI, 'net-define', netFile);
    await virsh(TEST_VIRSH_URI, 'net-start', names.netName);
  } catch (err) {
    await remove();
    throw err;
  }
  return { ...names, remove };
}
