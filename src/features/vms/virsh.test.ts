import { describe, expect, it } from 'vitest';
import { virshForAction, virshForAutostart, virshForPersist, virshForXml } from './virsh';

describe('virsh equivalents', () => {
  it('quote the VM name for the shell', () => {
    expect(virshForAction('qemu:///system', 'destroy', 'virtdeck-demo')).toBe("virsh -c qemu:///system destroy 'virtdeck-demo'");
    expect(virshForAction('qemu:///system', 'suspend', "it's a vm")).toBe(`virsh -c qemu:///system suspend 'it'\\''s a vm'`);
  });
  it('reach the daemon’s test driver', () => {
    expect(virshForAction('test:///default', 'start', 'x')).toBe("virsh -c test+unix:///default start 'x'");
  });
  it('cover autostart and dumpxml', () => {
    expect(virshForAutostart('qemu:///system', 'a', false)).toBe("virsh -c qemu:///system autostart --disable 'a'");
    expect(virshForXml('qemu:///system', 'a', true)).toBe("virsh -c qemu:///system dumpxml --inactive 'a'");
  });
  it('make a transient VM persistent by defining it from its own XML', () => {
    expect(virshForPersist('test:///default', "it's")).toBe(
      "virsh -c test+unix:///default dumpxml --inactive --security-info 'it'\\''s' | virsh -c test+unix:///default define /dev/stdin",
    );
  });
});
