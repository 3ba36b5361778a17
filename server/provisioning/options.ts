import { reportedBytes } from '../../common/exact-bytes.js';
import type { ProvisioningOptions } from '../../common/provisioning.js';
import type { LibvirtClient } from '../libvirt/index.js';
import type { HostPlatform } from './platform.js';

/** What the wizard offers on this host: limits, firmware, networks and pools with their free space. */
export async function provisioningOptions(client: LibvirtClient, platform: HostPlatform): Promise<ProvisioningOptions> {
  const [{ nets }, { pools }] = await Promise.all([
    client.connectListAllNetworks({ needResults: 1, flags: 0 }),
    client.connectListAllStoragePools({ needResults: 1, flags: 0 }),
  ]);
  const networks = await Promise.all(nets.map(async (net) => ({ name: net.name, active: (await client.networkIsActive({ net })).active !== 0 })));
  const poolRows = await Promise.all(
    pools.map(async (pool) => {
      const info = await client.storagePoolGetInfo({ pool });
      return { name: pool.name, active: info.state === 2, availableBytes: reportedBytes(info.available) };
    }),
  );
  return {
    domainType: platform.domainType,
    arch: platform.arch,
    ...(platform.machine === undefined ? {} : { machine: platform.machine }),
    ...(platform.emulator === undefined ? {} : { emulator: platform.emulator }),
    maxVcpus: platform.maxVcpus,
    hostCpus: platform.hostCpus,
    hostMemoryBytes: platform.hostMemoryBytes,
    firmware: platform.firmware,
    networks: networks.sort((a, b) => a.name.localeCompare(b.name)),
    pools: poolRows.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
