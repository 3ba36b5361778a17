import { describe, expect, it } from 'vitest';
import { parseDomainConsoles } from './domain-consoles.js';

const live = `<domain type='qemu' id='3'>
  <name>vt-a</name>
  <devices>
    <serial type='pty'>
      <source path='/dev/pts/3'/>
      <target type='isa-serial' port='0'><model name='isa-serial'/></target>
      <alias name='serial0'/>
    </serial>
    <console type='pty' tty='/dev/pts/3'>
      <source path='/dev/pts/3'/>
      <target type='serial' port='0'/>
      <alias name='serial0'/>
    </console>
    <console type='pty'>
      <target type='virtio' port='1'/>
      <alias name='console1'/>
    </console>
    <graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1' passwd='s3cret'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
  </devices>
</domain>`;

describe('parseDomainConsoles', () => {
  it('lists serial devices once each, by alias', () => {
    const c = parseDomainConsoles(live);
    expect(c.serial).toEqual([
      { name: 'serial0', kind: 'serial', targetType: 'isa-serial', port: 0, sourceType: 'pty' },
      { name: 'console1', kind: 'console', targetType: 'virtio', port: 1, sourceType: 'pty' },
    ]);
  });

  it('resolves the VNC target and password from live XML', () => {
    const c = parseDomainConsoles(live);
    expect(c.vnc).toEqual({ target: { kind: 'tcp', host: '127.0.0.1', port: 5901 }, password: 's3cret' });
    expect(c.graphics).toEqual([{ type: 'vnc', listen: 'address', supported: true, passwordProtected: true }]);
  });

  it('names devices like QEMU does when the XML has no aliases (VM off)', () => {
    const c = parseDomainConsoles(`<domain><devices>
      <serial type='pty'><target port='0'/></serial>
      <console type='pty'><target type='serial' port='0'/></console>
      <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>
    </devices></domain>`);
    expect(c.serial.map((s) => s.name)).toEqual(['serial0']);
    expect(c.vnc).toEqual({ target: null, password: null });
  });

  it('reads unix socket listeners', () => {
    const c = parseDomainConsoles(`<domain><devices>
      <graphics type='vnc' socket='/run/libvirt/qemu/vnc-1.sock'>
        <listen type='socket' socket='/run/libvirt/qemu/vnc-1.sock'/>
      </graphics></devices></domain>`);
    expect(c.vnc?.target).toEqual({ kind: 'unix', path: '/run/libvirt/qemu/vnc-1.sock' });
    expect(c.graphics[0]?.listen).toBe('socket');
  });

  it('maps wildcard listen addresses to loopback and rejects odd ones', () => {
    const any = parseDomainConsoles(`<domain><devices><graphics type='vnc' port='5900' listen='0.0.0.0'/></devices></domain>`);
    expect(any.vnc?.target).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 5900 });
    const odd = parseDomainConsoles(`<domain><devices><graphics type='vnc' port='5900' listen='a b:c'/></devices></domain>`);
    expect(odd.vnc?.target).toBeNull();
  });

  it('reports a VM without graphics and non-VNC graphics', () => {
    expect(parseDomainConsoles(`<domain><devices/></domain>`).vnc).toBeNull();
    const spice = parseDomainConsoles(`<domain><devices><graphics type='spice' port='5930'/></devices></domain>`);
    expect(spice.vnc).toBeNull();
    expect(spice.graphics[0]).toMatchObject({ type: 'spice', supported: false });
  });
});
