import type { Duplex } from 'node:stream';
import type { DomainRef } from '../libvirt/remote-types.js';

/** virDomainConsoleFlags */
export const VIR_DOMAIN_CONSOLE_FORCE = 1;
export const VIR_DOMAIN_CONSOLE_SAFE = 2;
/** virDomainXMLFlags: include passwords */
export const VIR_DOMAIN_XML_SECURE = 1;

/** The part of the libvirt client the consoles use (the client's method naming convention). */
export interface ConsoleLibvirt {
  domainLookupByUuid(args: { uuid: Uint8Array }): Promise<{ dom: DomainRef }>;
  domainGetXmlDesc(args: { dom: DomainRef; flags: number }): Promise<{ xml: string }>;
  domainOpenConsole(args: { dom: DomainRef; devName: string | null; flags: number }): Promise<Duplex>;
}

/** Calls `onStarted` each time the domain starts (boot, restore, snapshot revert); returns the unsubscribe. */
export type WatchDomainStart = (dom: DomainRef, onStarted: () => void) => () => void;

export function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`invalid UUID ${uuid}`);
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}
