import { describe, expect, it } from 'vitest';
import { checkPoolCreate, effectiveTarget } from './storage-pool-check.js';
import { shellQuote } from './shell.js';
import { poolCreateCommands, volumeCreateCommand } from './storage-virsh.js';

describe('pool create checks', () => {
  it('needs a target for dir', () => {
    expect(checkPoolCreate({ name: 'p', type: 'dir' })).toEqual({ 'target.path': 'Target path is required' });
    expect(checkPoolCreate({ name: 'p', type: 'dir', target: { path: '/srv/../etc' } })['target.path']).toMatch(/\.\./);
  });
  it('reports each bad field with its reason', () => {
    const e = checkPoolCreate({ name: '../x', type: 'netfs', source: { host: 'bad host', dir: 'rel' }, target: { path: '/mnt/x' } });
    expect(e['name']).toMatch(/"\/"/);
    expect(e['source.host']).toMatch(/host name/);
    expect(e['source.dir']).toMatch(/absolute/);
  });
  it('asks for required source fields', () => {
    const e = checkPoolCreate({ name: 'i', type: 'iscsi-direct', source: { host: 'h' } });
    expect(e['source.device']).toBe('Target IQN is required');
    expect(e['source.initiatorIqn']).toBe('Initiator IQN is required');
  });
  it('refuses fields the type does not use and targets where there are none', () => {
    expect(checkPoolCreate({ name: 'd', type: 'dir', target: { path: '/a' }, source: { host: 'h' } })['source.host']).toMatch(/does not use/);
    expect(checkPoolCreate({ name: 'r', type: 'rbd', source: { name: 'p', host: 'h' }, target: { path: '/x' } })['target.path']).toMatch(/no target/);
  });
  it('checks formats, adapters and auth', () => {
    expect(checkPoolCreate({ name: 'f', type: 'fs', source: { device: '/dev/sdb', format: 'ntfs' }, target: { path: '/m' } })['source.format']).toMatch(/one of/);
    expect(checkPoolCreate({ name: 's', type: 'scsi', source: { adapter: { type: 'scsi_host', name: 'sda' } } })['source.adapter.name']).toMatch(/host0/);
    expect(checkPoolCreate({ name: 's', type: 'scsi', source: { adapter: { type: 'fc_host', wwnn: '20000000c9831b4b', wwpn: '10000000c9831b4b' } } })).toEqual({});
    const auth = checkPoolCreate({ name: 'r', type: 'rbd', source: { name: 'p', host: 'h', auth: { type: 'chap', username: 'u' } } });
    expect(auth['source.auth.type']).toMatch(/ceph/);
    expect(auth['source.auth.secret']).toMatch(/either/);
  });
  it('fills default targets', () => {
    expect(effectiveTarget({ name: 'm', type: 'mpath' })).toBe('/dev/mapper');
    expect(effectiveTarget({ name: 'z', type: 'zfs', source: { name: 't' } })).toBeUndefined();
  });
});

describe('virsh equivalents', () => {
  it('quotes for the shell', () => {
    expect(shellQuote('abc')).toBe('abc');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
  it('writes pool-define-as and the follow-up steps', () => {
    expect(poolCreateCommands({ name: 'vmdisk', type: 'dir', target: { path: '/data/vmfs' }, build: true, start: true, autostart: true })).toEqual([
      'virsh pool-define-as --name vmdisk --type dir --target /data/vmfs',
      'virsh pool-build vmdisk', 'virsh pool-start vmdisk', 'virsh pool-autostart vmdisk',
    ]);
    expect(poolCreateCommands({ name: 'n', type: 'netfs', source: { host: 'srv', dir: '/export', format: 'nfs' }, target: { path: '/mnt/n' } })[0])
      .toBe('virsh pool-define-as --name n --type netfs --source-host srv --source-path /export --source-format nfs --target /mnt/n');
  });
  it('writes vol-create-as', () => {
    expect(volumeCreateCommand('p', { name: 'test.qcow2', capacityBytes: 3 * 1024 ** 3, format: 'qcow2' }))
      .toBe('virsh vol-create-as --pool p --name test.qcow2 --capacity 3221225472b --format qcow2');
  });
});

describe('virsh equivalents with a port', () => {
  it('falls back to pool-define of the XML, since pool-define-as has no port option', () => {
    const cmds = poolCreateCommands({ name: 'i', type: 'iscsi', source: { host: 'h', port: 3260, device: 'iqn.2004-04.com.example:a' }, start: true });
    expect(cmds[0]).toMatch(/^virsh pool-define i\.xml {3}# i\.xml holding the XML above/);
    expect(cmds[1]).toBe('virsh pool-start i');
  });
});
