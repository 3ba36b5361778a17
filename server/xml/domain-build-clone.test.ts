import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCloneEdits } from './domain-build-clone.js';
import { parseDomainXml } from './domain.js';

const demo = readFileSync(new URL('./fixtures/domain-demo-inactive.xml', import.meta.url), 'utf8');

describe('applyCloneEdits', () => {
  const edited = applyCloneEdits(demo, {
    name: 'demo-copy',
    uuid: '11111111-2222-3333-4444-555555555555',
    macs: ['52:54:00:00:00:01'],
    disks: [{ target: 'vda', source: { file: '/var/lib/virtdeck/images/demo-copy.qcow2' } }],
    serialLogFile: '/var/log/libvirt/qemu/demo-copy-serial.log',
  });
  const before = parseDomainXml(demo);
  const after = parseDomainXml(edited);

  it('changes name, UUID, MAC, the cloned disk and the serial log', () => {
    expect(after.name).toBe('demo-copy');
    expect(after.uuid).toBe('11111111-2222-3333-4444-555555555555');
    expect(after.interfaces.map((i) => i.mac)).toEqual(['52:54:00:00:00:01']);
    expect(after.disks[0]?.sourceFile).toBe('/var/lib/virtdeck/images/demo-copy.qcow2');
    expect(after.consoles.find((c) => c.kind === 'serial')?.logFile).toBe('/var/log/libvirt/qemu/demo-copy-serial.log');
    expect(after.consoles.find((c) => c.kind === 'console')?.logFile).toBeUndefined();
  });

  it('keeps everything else as it was (OS, resources, devices, their order, escaped text)', () => {
    expect(after.os).toEqual(before.os);
    expect(after.memory).toEqual(before.memory);
    expect(after.vcpus).toEqual(before.vcpus);
    expect(after.description).toBe(before.description);
    expect(after.graphics).toEqual(before.graphics);
    expect(after.interfaces.map(({ mac: _m, ...rest }) => rest)).toEqual(before.interfaces.map(({ mac: _m, ...rest }) => rest));
    expect(after.disks.map(({ sourceFile: _s, source: _p, ...rest }) => rest)).toEqual(before.disks.map(({ sourceFile: _s, source: _p, ...rest }) => rest));
    expect(edited.indexOf('<os>')).toBeLessThan(edited.indexOf('<devices>'));
    expect(edited).toContain('&quot;default&quot;');
  });

  it('escapes the new name and drops a fixed VNC port and the NVRAM path', () => {
    const xml = demo.replace("port='-1' autoport='yes'", "port='5905' autoport='no'").replace('</os>', '<nvram>/var/lib/libvirt/qemu/nvram/demo_VARS.fd</nvram></os>');
    const out = applyCloneEdits(xml, { name: 'a&b', uuid: '11111111-2222-3333-4444-555555555555', macs: [], disks: [] });
    expect(out).toContain('<name>a&amp;b</name>');
    expect(out).not.toContain('nvram');
    expect(parseDomainXml(out).graphics[0]).toMatchObject({ autoport: true });
    expect(parseDomainXml(out).consoles.every((c) => c.logFile === undefined)).toBe(true);
  });
});
