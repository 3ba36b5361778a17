import { isIP } from 'node:net';
import type { GraphicsDevice, SerialDevice } from '../../common/consoles.js';
import { parseDomainDevices, type DomainCharDevice, type DomainGraphicsAccess } from '../xml/domain.js';
import type { VmGraphics } from '../../common/vms.js';

/** Where the server connects to reach a VM's VNC server. Comes only from the live domain XML. */
export type VncTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'unix'; path: string };

export interface VncGraphics {
  target: VncTarget | null;
  /** Present only when the XML was fetched with VIR_DOMAIN_XML_SECURE. */
  password: string | null;
}

export interface DomainConsoles {
  serial: SerialDevice[];
  graphics: GraphicsDevice[];
  /** The first VNC device, resolved to a target, or null when the VM has none. */
  vnc: VncGraphics | null;
}

function toSerial(device: DomainCharDevice, index: number, name: string): SerialDevice {
  return {
    name,
    kind: device.kind === 'console' ? 'console' : 'serial',
    targetType: device.targetType ?? '',
    port: device.port ?? index,
    sourceType: device.type,
  };
}

function parseSerials(devices: DomainCharDevice[]): SerialDevice[] {
  const result: SerialDevice[] = [];
  const seen = new Set<string>();
  devices.filter((d) => d.kind === 'serial').forEach((serial, index) => {
    const name = serial.alias || `serial${index}`;
    seen.add(name);
    result.push(toSerial(serial, index, name));
  });
  devices.filter((d) => d.kind === 'console').forEach((console, index) => {
    // QEMU gives the first console the serial port's alias when it is that serial port.
    const name = console.alias || (index === 0 && console.targetType === 'serial' ? 'serial0' : `console${index}`);
    if (seen.has(name)) return;
    seen.add(name);
    result.push(toSerial(console, index, name));
  });
  return result;
}

function normaliseAddress(address: string): string | null {
  const trimmed = address.replace(/^\[|\]$/g, '');
  if (trimmed === '') return '127.0.0.1';
  if (trimmed === '0.0.0.0') return '127.0.0.1';
  if (trimmed === '::') return '::1';
  if (isIP(trimmed) !== 0) return trimmed;
  return /^[A-Za-z0-9.-]{1,253}$/.test(trimmed) ? trimmed : null;
}

function listenOf(access: DomainGraphicsAccess): GraphicsDevice['listen'] {
  return access.listenType === 'socket' ? 'socket' : access.listenType === 'none' ? 'none' : 'address';
}

function resolveVnc(g: VmGraphics, access: DomainGraphicsAccess): { listen: GraphicsDevice['listen']; target: VncTarget | null } {
  const listenType = access.listenType || (g.socket ? 'socket' : 'address');
  if (listenType === 'none') return { listen: 'none', target: null };
  if (listenType === 'socket') {
    const path = access.listenSocket || g.socket || '';
    const valid = path.startsWith('/') && !path.includes('\0') && !path.split('/').includes('..');
    return { listen: 'socket', target: valid ? { kind: 'unix', path } : null };
  }
  const port = g.port ?? -1;
  const host = normaliseAddress(access.listenAddress || g.listen || '');
  if (host === null || port < 1 || port > 65535) return { listen: 'address', target: null };
  return { listen: 'address', target: { kind: 'tcp', host, port } };
}

/** Reads the consoles of a domain from its XML (live XML gives aliases, ports and sockets). */
export function parseDomainConsoles(xml: string): DomainConsoles {
  const devices = parseDomainDevices(xml);
  const graphics: GraphicsDevice[] = [];
  let vnc: VncGraphics | null = null;
  devices.graphics.forEach((g, i) => {
    const access = devices.graphicsAccess[i] ?? {};
    const password = access.passwd ?? null;
    if (g.type === 'vnc') {
      const { listen, target } = resolveVnc(g, access);
      graphics.push({ type: g.type, listen, supported: listen !== 'none', passwordProtected: password !== null });
      vnc ??= { target, password };
    } else {
      graphics.push({ type: g.type, listen: listenOf(access), supported: false, passwordProtected: password !== null });
    }
  });
  return { serial: parseSerials(devices.consoles), graphics, vnc };
}
