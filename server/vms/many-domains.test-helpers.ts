import { randomBytes } from 'node:crypto';
import { LibvirtClient, uuidToString, type DomainRef } from '../libvirt/index.js';

export interface ManyDomains {
  prefix: string;
  domains: DomainRef[];
  uuids: string[];
  client: LibvirtClient;
  /** Destroys and undefines every domain it defined, then closes its connection. */
  remove(): Promise<void>;
}

function xml(name: string): string {
  return `<domain type='test'><name>${name}</name><memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>`;
}

/**
 * Defines `count` domains named `<prefix>-NNNN` in test:///default through the daemon (the
 * connection stays open so they live until remove()).
 */
export async function defineManyTestDomains(count: number, tag: string): Promise<ManyDomains> {
  const prefix = `vt-${tag}-${randomBytes(3).toString('hex')}`;
  const client = await LibvirtClient.connect({ uri: 'test:///default' });
  const domains: DomainRef[] = [];
  const batch = 50;
  for (let i = 0; i < count; i += batch) {
    const results = await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) => client.domainDefineXml({ xml: xml(`${prefix}-${String(i + j).padStart(4, '0')}`) })),
    );
    domains.push(...results.map((r) => r.dom));
  }
  return {
    prefix,
    domains,
    uuids: domains.map((d) => uuidToString(d.uuid)),
    client,
    async remove() {
      for (let i = 0; i < domains.length; i += batch) {
        await Promise.all(
          domains.slice(i, i + batch).map(async (dom) => {
            await client.domainDestroy({ dom }).catch(() => undefined);
            await client.domainUndefine({ dom }).catch(() => undefined);
          }),
        );
      }
      await client.close();
    },
  };
}
