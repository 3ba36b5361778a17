import { describe, expect, it } from 'vitest';
import { LibvirtUriError, parseLibvirtUri, transportHost, transportPort } from './uri.js';

// The URIs of libvirt's docs/uri.rst and docs/remote.rst, read as src/remote/remote_driver.c does.
describe('parseLibvirtUri', () => {
  it('local URIs use the unix socket and open themselves', () => {
    for (const uri of ['qemu:///system', 'qemu:///session', 'test:///default', 'qemu+unix:///system']) {
      const u = parseLibvirtUri(uri);
      expect(u.transport).toBe('unix');
      expect(u.host).toBeUndefined();
      expect(u.name).toBe(uri.replace('+unix', ''));
    }
  });

  it('a host without a transport means TLS on 16514', () => {
    const u = parseLibvirtUri('xen://example.com/');
    expect(u).toMatchObject({ driver: 'xen', transport: 'tls', explicitTransport: false, host: 'example.com', path: '/', name: 'xen:///' });
    expect(transportPort(u)).toBe(16514);
  });

  it('qemu+ssh://root@example.com/system: user, host, name without them', () => {
    const u = parseLibvirtUri('qemu+ssh://root@example.com/system');
    expect(u).toMatchObject({ driver: 'qemu', transport: 'ssh', user: 'root', host: 'example.com', port: undefined, name: 'qemu:///system' });
    expect(transportPort(u)).toBe(22);
  });

  it('test+tcp://localhost:5000/default: the port is kept, the name is test:///default', () => {
    const u = parseLibvirtUri('test+tcp://localhost:5000/default');
    expect(u).toMatchObject({ transport: 'tcp', host: 'localhost', port: 5000, name: 'test:///default' });
    expect(transportPort(u)).toBe(5000);
    expect(transportPort(parseLibvirtUri('qemu+tcp://h/system'))).toBe(16509);
  });

  it('qemu+tls:/// and qemu+tcp:/// connect to localhost', () => {
    expect(transportHost(parseLibvirtUri('qemu+tls:///system'))).toBe('localhost');
    expect(parseLibvirtUri('qemu+tcp:///system').transport).toBe('tcp');
  });

  it('socket= is the remote driver\'s own (kept only for virt-ssh-helper)', () => {
    const u = parseLibvirtUri('qemu+unix:///system?socket=/opt/libvirt/run/libvirt/libvirt-sock');
    expect(u.remote.socket).toBe('/opt/libvirt/run/libvirt/libvirt-sock');
    expect(u.name).toBe('qemu:///system');
    expect(u.helperUri).toBe('qemu:///system?socket=%2Fopt%2Flibvirt%2Frun%2Flibvirt%2Flibvirt-sock');
  });

  it('takes out netcat=, keyfile=, no_verify=, pkipath=, proxy=, known_hosts= and passes the rest on', () => {
    const u = parseLibvirtUri(
      'qemu+ssh://user@host:2222/system?netcat=/opt/netcat/bin/nc&keyfile=/k/id&no_verify=1&no_tty=1&proxy=netcat&known_hosts=/kh&pkipath=/p&foo=bar',
    );
    expect(u.remote).toMatchObject({ netcat: '/opt/netcat/bin/nc', keyfile: '/k/id', verify: false, tty: false, proxy: 'netcat', knownHosts: '/kh', pkipath: '/p' });
    expect(u.port).toBe(2222);
    expect(u.name).toBe('qemu:///system?foo=bar');
    expect(parseLibvirtUri('xen://example.com/?no_verify=1').remote.verify).toBe(false);
    expect(parseLibvirtUri('xen://example.com/?no_verify=0').remote.verify).toBe(true);
  });

  it('name= replaces the name sent; remote:// lets the daemon pick', () => {
    expect(parseLibvirtUri('xen+ssh://user@host/?name=xen:///').name).toBe('xen:///');
    expect(parseLibvirtUri('remote+ssh://host/').name).toBe('');
  });

  it('libssh2 and libssh are SSH transports; IPv6 hosts lose their brackets', () => {
    expect(parseLibvirtUri('qemu+libssh2://user@host/system?known_hosts=/home/user/.ssh/known_hosts').transport).toBe('libssh2');
    expect(parseLibvirtUri('qemu+libssh://user@host/system').transport).toBe('libssh');
    expect(parseLibvirtUri('qemu+ssh://root@[2001:db8::1]:2200/system')).toMatchObject({ host: '2001:db8::1', port: 2200 });
  });

  it('refuses what libvirt refuses', () => {
    expect(() => parseLibvirtUri('qemu+bogus://host/system')).toThrow(/transport in URL not recognised/);
    expect(() => parseLibvirtUri('qemu+ssh://host/system?no_verify=yes')).toThrow('Failed to parse value of URI component no_verify');
    expect(() => parseLibvirtUri('qemu+ssh://host:99999/system')).toThrow(LibvirtUriError);
    expect(() => parseLibvirtUri('not a uri')).toThrow(LibvirtUriError);
  });
});
