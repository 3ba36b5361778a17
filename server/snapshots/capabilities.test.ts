import { describe, expect, it } from 'vitest';
import type { DomainDisk } from '../xml/snapshot.js';
import { decideCapabilities, formatLibVersion, snapshotDisks } from './capabilities.js';

const qcow2: DomainDisk = { target: 'vda', device: 'disk', type: 'file', format: 'qcow2', source: '/img/a.qcow2', readonly: false };
const raw: DomainDisk = { target: 'vdb', device: 'disk', type: 'file', format: 'raw', source: '/img/b.img', readonly: false };
const cdrom: DomainDisk = { target: 'hdc', device: 'cdrom', type: 'file', format: 'raw', source: '/iso/x.iso', readonly: true };
const net: DomainDisk = { target: 'vdc', device: 'disk', type: 'network', format: 'raw', source: 'pool/img', readonly: false };
const v9_0 = 9_000_000;
const v9_9 = 9_009_000;

describe('decideCapabilities', () => {
  it('running VM with qcow2 disks: internal with memory, external with optional memory not revertible on 9.0', () => {
    const caps = decideCapabilities({ vmState: 'running', disks: [qcow2, cdrom], libVersion: v9_0, now: new Date(1_700_000_000_000) });
    expect(caps.defaultName).toBe('1700000000');
    expect(caps.defaultKind).toBe('internal');
    expect(caps.disks).toEqual([{ target: 'vda', source: '/img/a.qcow2', format: 'qcow2' }]);
    expect(caps.libvirtVersion).toBe('9.0.0');
    expect(caps.internal).toMatchObject({ available: true, reason: null, memory: 'required', revertible: true });
    expect(caps.internal.memoryReason).toMatch(/disk-only/);
    expect(caps.external).toMatchObject({ available: true, memory: 'optional', revertible: false });
    expect(caps.external.revertReason).toMatch(/libvirt 9\.0\.0 cannot revert to external snapshots/);
  });

  it('libvirt 9.9 reverts external snapshots', () => {
    const caps = decideCapabilities({ vmState: 'running', disks: [qcow2], libVersion: v9_9 });
    expect(caps.external).toMatchObject({ revertible: true, revertReason: null });
  });

  it('shut-off VM: disk-only snapshots of both kinds', () => {
    const caps = decideCapabilities({ vmState: 'shutoff', disks: [qcow2], libVersion: v9_0 });
    expect(caps.internal).toMatchObject({ available: true, memory: 'impossible' });
    expect(caps.external).toMatchObject({ available: true, memory: 'impossible' });
  });

  it('a raw disk leaves only external snapshots, and says why', () => {
    const caps = decideCapabilities({ vmState: 'running', disks: [qcow2, raw], libVersion: v9_0 });
    expect(caps.defaultKind).toBe('external');
    expect(caps.internal.available).toBe(false);
    expect(caps.internal.reason).toBe('Internal snapshots need every writable disk in qcow2 format; vdb is raw.');
    expect(caps.external.available).toBe(true);
  });

  it('a network disk rules out external snapshots', () => {
    const caps = decideCapabilities({ vmState: 'shutoff', disks: [net], libVersion: v9_0 });
    expect(caps.external.available).toBe(false);
    expect(caps.external.reason).toMatch(/vdc is of type network/);
    expect(caps.defaultKind).toBeNull();
  });

  it('a VM without writable disks gets no snapshots', () => {
    const caps = decideCapabilities({ vmState: 'running', disks: [cdrom], libVersion: v9_0 });
    expect(caps.internal.available).toBe(false);
    expect(caps.external.available).toBe(false);
    expect(caps.defaultKind).toBeNull();
  });

  it('a crashed VM gets no snapshots', () => {
    const caps = decideCapabilities({ vmState: 'crashed', disks: [qcow2], libVersion: v9_0 });
    expect(caps.internal.reason).toMatch(/crashed/);
    expect(caps.external.reason).toMatch(/crashed/);
  });
});

describe('a VM without writable disks', () => {
  it('the test driver takes a metadata snapshot while shut off and one with memory while running', () => {
    const off = decideCapabilities({ vmState: 'shutoff', disks: [cdrom], libVersion: v9_0, domainType: 'test' });
    expect(off.defaultKind).toBe('internal');
    expect(off.internal).toMatchObject({ available: true, reason: null, memory: 'impossible' });
    const live = decideCapabilities({ vmState: 'running', disks: [], libVersion: v9_0, domainType: 'test' });
    expect(live.internal).toMatchObject({ available: true, memory: 'required' });
    expect(live.external.available).toBe(false);
  });

  it('QEMU refuses one, as libvirt does ("nothing selected for snapshot")', () => {
    const caps = decideCapabilities({ vmState: 'shutoff', disks: [], libVersion: v9_0, domainType: 'kvm' });
    expect(caps.defaultKind).toBeNull();
    expect(caps.internal.reason).toMatch(/nothing selected for snapshot/);
  });
});

describe('snapshotDisks', () => {
  it('skips CD-ROMs, read-only and empty drives', () => {
    const empty: DomainDisk = { ...qcow2, target: 'vdz', source: '' };
    const ro: DomainDisk = { ...qcow2, target: 'vdy', readonly: true };
    expect(snapshotDisks([qcow2, cdrom, empty, ro]).map((d) => d.target)).toEqual(['vda']);
  });
});

describe('formatLibVersion', () => {
  it('decodes libvirt version numbers', () => {
    expect(formatLibVersion(9_000_000)).toBe('9.0.0');
    expect(formatLibVersion(10_010_002)).toBe('10.10.2');
  });
});
