import { describe, expect, it } from 'vitest';
import { parseLibvirtUri } from '../uri.js';
import { doubleEscapeShell, escapeShell, sshCommandFor, sshHelperCommand } from './ssh-command.js';

// Expected strings from libvirt's tests/virnetsockettest.c (the remote part of each ssh command line).
describe('libvirt\'s remote command over SSH', () => {
  it('native: virt-ssh-helper with the driver URI', () => {
    expect(sshHelperCommand({ proxy: 'native', netcat: undefined, socketPath: '/tmp/socket', driverUri: 'qemu:///session', readonly: true })).toBe(
      "sh -c 'virt-ssh-helper -r 'qemu:///session''",
    );
  });

  it('netcat: the -q probe, then nc -U on the socket', () => {
    expect(sshHelperCommand({ proxy: 'netcat', netcat: 'netcat', socketPath: '/tmp/socket', driverUri: 'qemu:///system', readonly: false })).toBe(
      "sh -c 'if 'netcat' -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then ARG=-q0;else ARG=;fi;'netcat' $ARG -U /tmp/socket'",
    );
  });

  it('auto: virt-ssh-helper where present, else nc', () => {
    expect(sshHelperCommand({ proxy: 'auto', netcat: undefined, socketPath: '/tmp/socket', driverUri: 'qemu:///session', readonly: true })).toBe(
      "sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; if test $? = 0; then     virt-ssh-helper -r 'qemu:///session'; else    " +
        "if 'nc' -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then ARG=-q0;else ARG=;fi;'nc' $ARG -U /tmp/socket; fi'",
    );
  });

  it('a netcat path turns auto into netcat, and is an error with native', () => {
    expect(sshHelperCommand({ proxy: 'auto', netcat: '/opt/nc', socketPath: '/s', driverUri: 'qemu:///system', readonly: false })).toMatch(/^sh -c 'if '\/opt\/nc' -q/);
    expect(() => sshHelperCommand({ proxy: 'native', netcat: '/opt/nc', socketPath: '/s', driverUri: 'qemu:///system', readonly: false })).toThrow(
      'netcat path not valid with native proxy mode',
    );
  });

  it('escapes twice, as virBufferEscapeShell does', () => {
    expect(escapeShell('nc')).toBe('nc');
    expect(escapeShell('')).toBe("''");
    expect(escapeShell('my nc')).toBe("'my nc'");
    expect(doubleEscapeShell('my nc')).toBe("''\\''my nc'\\'''");
  });

  it('from URIs: proxy=auto for /system on libvirtd\'s /var/run socket; socket= means netcat; /session means native', () => {
    const system = sshCommandFor(parseLibvirtUri('qemu+ssh://root@h/system'));
    expect(system).toContain("then     virt-ssh-helper 'qemu:///system'; else");
    expect(system).toContain("'nc' $ARG -U /var/run/libvirt/libvirt-sock; fi'");
    expect(sshCommandFor(parseLibvirtUri('qemu+ssh://h/system?socket=/run/x.sock'))).toMatch(/^sh -c 'if 'nc' -q .*-U \/run\/x\.sock'$/);
    expect(sshCommandFor(parseLibvirtUri('qemu+ssh://h/session'))).toBe("sh -c 'virt-ssh-helper 'qemu:///session''");
    expect(sshCommandFor(parseLibvirtUri('test+ssh://h/default?proxy=native'))).toBe("sh -c 'virt-ssh-helper 'test:///default''");
    expect(() => sshCommandFor(parseLibvirtUri('qemu+ssh://h/system?proxy=magic'))).toThrow(/Unknown proxy type/);
  });
});
