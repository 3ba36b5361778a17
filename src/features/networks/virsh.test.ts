import { describe, expect, it } from 'vitest';
import { virshForCreate, virshForNetworkAction } from './virsh';

describe('network virsh equivalents', () => {
  it('names each action as virsh does', () => {
    expect(virshForNetworkAction('lab', 'stop')).toBe('virsh net-destroy lab');
    expect(virshForNetworkAction('lab', 'autostart-off')).toBe('virsh net-autostart lab --disable');
    expect(virshForNetworkAction("a b'c", 'delete')).toBe("virsh net-destroy 'a b'\\''c'; virsh net-undefine 'a b'\\''c'");
    expect(virshForCreate('lab', true, true)).toBe('virsh net-define lab.xml && virsh net-start lab && virsh net-autostart lab');
  });
});
