import type { DomainRef, LibvirtClient } from '../libvirt/index.js';
import { parseDomainXml, type DomainDefinition } from '../xml/domain.js';

/**
 * Parsed live XML per domain of one host, fetched once and dropped when a libvirt event says the
 * domain changed (and all at once when the connection is re-established).
 */
export class DefinitionCache {
  private readonly entries = new Map<string, Promise<DomainDefinition>>();
  private generation = 0;

  get(client: LibvirtClient, uuid: string, dom: DomainRef): Promise<DomainDefinition> {
    let entry = this.entries.get(uuid);
    if (entry === undefined) {
      const generation = this.generation;
      entry = client.domainGetXmlDesc({ dom, flags: 0 }).then(({ xml }) => parseDomainXml(xml));
      this.entries.set(uuid, entry);
      entry.catch(() => {
        if (this.entries.get(uuid) === entry || this.generation !== generation) this.entries.delete(uuid);
      });
    }
    return entry;
  }

  /** Replaces the entry with a definition the caller has just read. */
  put(uuid: string, definition: DomainDefinition): void {
    this.entries.set(uuid, Promise.resolve(definition));
  }

  invalidate(uuid: string): void {
    this.entries.delete(uuid);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
