/**
 * Domain XML from a typed spec, built with XMLBuilder so every user string is escaped. Platform
 * facts (domain type, emulator, machine, arch) come from the caller, who reads them from libvirt's
 * capabilities; nothing about the host is assumed here.
 */
import { createXmlBuilder } from './parser.js';

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export interface Platform {
  /** `kvm`, `qemu`, `test` … */
  domainType: string;
  arch: string;
  emulator?: string;
  machine?: string;
}

export type DiskSource = { file: string } | { pool: string; volume: string } | { block: string };

export interface DiskSpec {
  device: 'disk' | 'cdrom';
  source: DiskSource;
  /** Driver type: qcow2, raw … (left to libvirt when absent). */
  format?: string;
  bus: string;
  /** vda, sda, hda … */
  target: string;
  readonly?: boolean;
}

export interface InterfaceSpec {
  type: 'network' | 'bridge';
  source: string;
  model: string;
  mac: string;
}

export type BootSpec =
  | { kind: 'devices'; order: ('cdrom' | 'hd' | 'network')[] }
  | { kind: 'kernel'; kernel: string; initrd?: string; cmdline?: string };

export interface DomainSpec {
  name: string;
  uuid?: string;
  title?: string;
  memoryBytes: number;
  vcpus: number;
  platform: Platform;
  firmware: 'bios' | 'efi';
  boot: BootSpec;
  disks: DiskSpec[];
  interfaces: InterfaceSpec[];
  graphics: 'vnc' | 'none';
  /** Keep the serial output in this file (the guest's console even when nobody is attached). */
  serialLogFile?: string;
  /** The osinfo-db id, stored in the metadata as virt-install does. */
  osinfoId?: string;
}

export const LIBOSINFO_NS = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

const builder = createXmlBuilder();

function diskNode(d: DiskSpec): XmlNode {
  const node: XmlNode = { '@device': d.device };
  if ('file' in d.source) {
    node['@type'] = 'file';
  } else if ('block' in d.source) {
    node['@type'] = 'block';
  } else {
    node['@type'] = 'volume';
  }
  node['driver'] = d.format === undefined ? { '@name': 'qemu' } : { '@name': 'qemu', '@type': d.format };
  if ('file' in d.source) node['source'] = { '@file': d.source.file };
  else if ('block' in d.source) node['source'] = { '@dev': d.source.block };
  else node['source'] = { '@pool': d.source.pool, '@volume': d.source.volume };
  node['target'] = { '@dev': d.target, '@bus': d.bus };
  if (d.readonly === true || d.device === 'cdrom') node['readonly'] = '';
  return node;
}

function interfaceNode(i: InterfaceSpec): XmlNode {
  return {
    '@type': i.type,
    mac: { '@address': i.mac },
    source: i.type === 'network' ? { '@network': i.source } : { '@bridge': i.source },
    model: { '@type': i.model },
  };
}

function osNode(spec: DomainSpec): XmlNode {
  const type: XmlNode = { '@arch': spec.platform.arch, '#text': 'hvm' };
  if (spec.platform.machine !== undefined) type['@machine'] = spec.platform.machine;
  const os: XmlNode = { type };
  if (spec.firmware === 'efi') os['@firmware'] = 'efi';
  if (spec.boot.kind === 'kernel') {
    os['kernel'] = spec.boot.kernel;
    if (spec.boot.initrd !== undefined) os['initrd'] = spec.boot.initrd;
    if (spec.boot.cmdline !== undefined && spec.boot.cmdline !== '') os['cmdline'] = spec.boot.cmdline;
  } else {
    os['boot'] = spec.boot.order.map((dev) => ({ '@dev': dev }));
  }
  return os;
}

function serialNode(logFile: string | undefined): XmlNode {
  const serial: XmlNode = { '@type': 'pty' };
  if (logFile !== undefined) serial['log'] = { '@file': logFile, '@append': 'off' };
  serial['target'] = { '@port': '0' };
  return serial;
}

export function buildDomainXml(spec: DomainSpec): string {
  if (!Number.isSafeInteger(spec.memoryBytes) || spec.memoryBytes < 1024 * 1024) throw new RangeError('memory must be at least 1 MiB');
  if (!Number.isSafeInteger(spec.vcpus) || spec.vcpus < 1) throw new RangeError('vcpus must be at least 1');
  const memoryKiB = String(Math.floor(spec.memoryBytes / 1024));
  const domain: XmlNode = { '@type': spec.platform.domainType, name: spec.name };
  if (spec.uuid !== undefined) domain['uuid'] = spec.uuid;
  if (spec.title !== undefined) domain['title'] = spec.title;
  if (spec.osinfoId !== undefined) {
    domain['metadata'] = {
      'libosinfo:libosinfo': { '@xmlns:libosinfo': LIBOSINFO_NS, 'libosinfo:os': { '@id': spec.osinfoId } },
    };
  }
  domain['memory'] = { '@unit': 'KiB', '#text': memoryKiB };
  domain['currentMemory'] = { '@unit': 'KiB', '#text': memoryKiB };
  domain['vcpu'] = { '@placement': 'static', '#text': String(spec.vcpus) };
  domain['os'] = osNode(spec);
  domain['features'] = { acpi: '', apic: '' };
  domain['on_poweroff'] = 'destroy';
  domain['on_reboot'] = 'restart';
  domain['on_crash'] = 'destroy';
  const devices: XmlNode = {};
  if (spec.platform.emulator !== undefined) devices['emulator'] = spec.platform.emulator;
  if (spec.disks.length > 0) devices['disk'] = spec.disks.map(diskNode);
  if (spec.interfaces.length > 0) devices['interface'] = spec.interfaces.map(interfaceNode);
  devices['serial'] = serialNode(spec.serialLogFile);
  devices['console'] = { '@type': 'pty', target: { '@type': 'serial', '@port': '0' } };
  if (spec.graphics === 'vnc') {
    devices['graphics'] = { '@type': 'vnc', '@port': '-1', '@autoport': 'yes', '@listen': '127.0.0.1', listen: { '@type': 'address', '@address': '127.0.0.1' } };
    devices['video'] = { model: { '@type': 'vga' } };
  }
  domain['devices'] = devices;
  return builder.build({ domain }) as string;
}

/** Target device names per bus: vda… for virtio, sda… for sata/scsi/usb, hda… for ide. */
export function targetName(bus: string, index: number): string {
  const prefix = bus === 'virtio' ? 'vd' : bus === 'ide' ? 'hd' : 'sd';
  let n = index;
  let suffix = '';
  do {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return prefix + suffix;
}
