import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkAbsolutePath, checkHostname, checkIdentifier, checkIqn, checkObjectName, checkPort, checkUuid, checkWwn,
} from './storage-validate.js';

describe('names', () => {
  it.each(['vm1', 'disk.qcow2', 'a_b-c+d', '_x', 'A'.repeat(128)])('accepts %s', (n) => {
    expect(checkObjectName(n)).toBeNull();
  });
  it.each([
    ['', /required/], ['../etc', /"\/"/], ['..', /"\.\."/], ['a..b', /"\.\."/], ['.hidden', /start with "\."/],
    ['-rf', /start with "-"/], ['/abs.qcow2', /"\/"/], ['a b', /only contain/], ['a\u0000', /only contain/],
    ['ä', /only contain/], ['A'.repeat(129), /at most 128/],
  ])('rejects %j', (n, reason) => {
    expect(checkObjectName(n)).toMatch(reason);
  });
  it('never accepts a name with a slash or starting with a dot (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      if (checkObjectName(s) === null) {
        expect(s.includes('/') || s.startsWith('.') || s.startsWith('-') || s.includes('..')).toBe(false);
      }
    }));
  });
});

describe('absolute paths', () => {
  it.each(['/var/lib/libvirt/images', '/dev/disk/by-path', '/mnt/a-b_c.d'])('accepts %s', (p) => {
    expect(checkAbsolutePath(p)).toBeNull();
  });
  it.each([
    ['', /required/], ['relative/dir', /absolute/], ['/', /root/], ['/a/', /end with/], ['/a//b', /"\/\/"/],
    ['/a/../b', /"\.\."/], ['/a/./b', /"\." segments/], ['/a b', /only contain/], ['/a\nb', /only contain/],
  ])('rejects %j', (p, reason) => {
    expect(checkAbsolutePath(p)).toMatch(reason);
  });
});

describe('hosts, IQNs and others', () => {
  it.each(['nfs.example.com', 'localhost', '192.168.1.10', 'fe80::1', '2001:db8::5', 'a-b.c'])('host %s ok', (h) => {
    expect(checkHostname(h)).toBeNull();
  });
  it.each(['', 'bad_host', '-a.com', 'a..b', '999.1.1.1', 'h:1:x:y:z:w:v:u:t', 'host name', 'a.com:2049'])('host %j bad', (h) => {
    expect(checkHostname(h)).not.toBeNull();
  });
  it.each(['iqn.2004-04.com.example:storage.disk1', 'iqn.1994-05.com.redhat:abc', 'eui.02004567A425678D', 'naa.52004567ba64678d'])('iqn %s ok', (i) => {
    expect(checkIqn(i)).toBeNull();
  });
  it.each(['', 'iqn.04-04.com.x', 'iqn.2004-13.com.x', 'foo', 'iqn.2004-04.Com.X:y', 'iqn.2004-04.com.x:a b'])('iqn %j bad', (i) => {
    expect(checkIqn(i)).not.toBeNull();
  });
  it('checks identifiers, uuids, wwns and ports', () => {
    expect(checkIdentifier('vg0')).toBeNull();
    expect(checkIdentifier('../x')).not.toBeNull();
    expect(checkUuid('2ec115d7-3a88-3ceb-bc12-0ac909a6fd87')).toBeNull();
    expect(checkUuid('nope')).not.toBeNull();
    expect(checkWwn('20000000c9831b4b')).toBeNull();
    expect(checkWwn('xyz')).not.toBeNull();
    expect(checkPort(3260)).toBeNull();
    expect(checkPort(0)).not.toBeNull();
    expect(checkPort(70000)).not.toBeNull();
  });
});
