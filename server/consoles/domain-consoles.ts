import { isIP } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import type { GraphicsDevice, SerialDevice } from '../../common/consoles.js';

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

type Attrs = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name, jpath, _isLeaf, isAttribute) => !isAttribute && (
    ['domain.devices.serial', 'domain.devices.console', 'domain.devices.graphics', 'domain.devices.graphics.listen']
      .includes(String(jpath)) || name === 'devices'),
});

function asRecord(value: unknown): Attrs {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Attrs) : {};
}

function asArray(value: unknown): Attrs[] {
  return Array.isArray(value) ? value.map(asRecord) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function int(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : fallback;
}

function aliasOf(device: Attrs): string {
  return str(asRecord(device['alias'])['@_name']);
}

function parseSerials(devices: Attrs): SerialDevice[] {
  const result: SerialDevice[] = [];
  const seen = new Set<string>();
  asArray(devices['serial']).forEach((serial, index) => {
    const target = asRecord(serial['target']);
    const name = aliasOf(serial) || `serial${index}`;
    seen.add(name);
    result.push({
      name,
      kind: 'serial',
      targetType: str(target['@_type']),
      port: int(target['@_port'], index),
      sourceType: str(serial['@_type']),
    });
  });
  asArray(devices['console']).forEach((console, index) => {
    const target = asRecord(console['target']);
    const targetType = str(target['@_type']);
    // QEMU gives the first console the serial port's alias when it is that serial port.
    const name = aliasOf(console) || (index === 0 && targetType === 'serial' ? 'serial0' : `console${index}`);
    if (seen.has(name)) return;
    seen.add(name);
    result.push({
      name,
      kind: 'console',
      targetType,
      port: int(target['@_port'], index),
      sourceType: str(console['@_type']),
    });
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

function resolveVnc(graphics: Attrs): { listen: GraphicsDevice['listen']; target: VncTarget | null } {
  const listens = asArray(graphics['listen']);
  const first = listens[0] ?? {};
  const listenType = str(first['@_type']) || (str(graphics['@_socket']) ? 'socket' : 'address');
  if (listenType === 'none') return { listen: 'none', target: null };
  if (listenType === 'socket') {
    const path = str(first['@_socket']) || str(graphics['@_socket']);
    const valid = path.startsWith('/') && !path.includes('\0') && !path.split('/').includes('..');
    return { listen: 'socket', target: valid ? { kind: 'unix', path } : null };
  }
  const port = int(graphics['@_port'], -1);
  const host = normaliseAddress(str(first['@_address']) || str(graphics['@_listen']));
  if (host === null || port < 1 || port > 65535) return { listen: 'address', target: null };
  return { listen: 'address', target: { kind: 'tcp', host, port } };
}

/** Reads the consoles of a domain from its XML (live XML gives aliases, ports and sockets). */
export function parseDomainConsoles(xml: string): DomainConsoles {
  const doc = asRecord(parser.parse(xml));
  const domain = asRecord(doc['domain']);
  const devices = asArray(domain['devices'])[0] ?? {};
  const graphics: GraphicsDevice[] = [];
  let vnc: VncGraphics | null = null;
  for (const g of asArray(devices['graphics'])) {
    const type = str(g['@_type']);
    const password = typeof g['@_passwd'] === 'string' ? g['@_passwd'] : null;
    if (type === 'vnc') {
      const { listen, target } = resolveVnc(g);
      graphics.push({ type, listen, supported: listen !== 'none', passwordProtected: password !== null });
      vnc ??= { target, password };
    } else {
      const first = asArray(g['listen'])[0] ?? {};
      const listenType = str(first['@_type']);
      graphics.push({
        type,
        listen: listenType === 'socket' ? 'socket' : listenType === 'none' ? 'none' : 'address',
        supported: false,
        passwordProtected: password !== null,
      });
    }
  }
  return { serial: parseSerials(devices), graphics, vnc };
}
