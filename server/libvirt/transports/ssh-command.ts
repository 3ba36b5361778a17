// The command libvirt runs on the far side of an SSH connection
// (src/rpc/virnetclient.c virNetClientSSHHelperCommand, virNetClientDoubleEscapeShell;
// src/remote/remote_driver.c doRemoteOpen; src/remote/remote_sockets.c remoteGetUNIXSocket).
import type { LibvirtUri } from '../uri.js';
import { LibvirtUriError } from '../uri.js';

export type SshProxy = 'auto' | 'netcat' | 'native';

/** libvirtd's socket as the remote side names it: $LOCALSTATEDIR/run, deliberately not /run. */
export const REMOTE_LEGACY_SOCKET = '/var/run/libvirt/libvirt-sock';

const SHELL_META = /[\r\t\n !"#$&'()*;<>?[\\\]^`{|}~]/;

/** virBufferEscapeShell: unchanged without shell metacharacters, else single-quoted. */
export function escapeShell(text: string): string {
  if (text === '') return "''";
  if (!SHELL_META.test(text)) return text;
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** Two levels: sshd runs the command through a shell, which runs `sh -c` again. */
export function doubleEscapeShell(text: string): string {
  return escapeShell(escapeShell(text));
}

export interface SshHelperOptions {
  proxy: SshProxy;
  netcat: string | undefined;
  socketPath: string;
  driverUri: string;
  readonly: boolean;
}

/** The remote command string, byte for byte what libvirt sends. */
export function sshHelperCommand(o: SshHelperOptions): string {
  const netcatSafe = doubleEscapeShell(o.netcat ?? 'nc');
  const uriSafe = doubleEscapeShell(o.driverUri);
  const proxy = o.proxy === 'auto' && o.netcat !== undefined ? 'netcat' : o.proxy;
  const nccmd =
    `if '${netcatSafe}' -q 2>&1 | grep "requires an argument" >/dev/null 2>&1; then ` +
    'ARG=-q0;' +
    'else ' +
    'ARG=;' +
    'fi;' +
    `'${netcatSafe}' $ARG -U ${o.socketPath}`;
  const helpercmd = `virt-ssh-helper${o.readonly ? ' -r ' : ' '}'${uriSafe}'`;
  switch (proxy) {
    case 'auto':
      return `sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; if test $? = 0; then     ${helpercmd}; else    ${nccmd}; fi'`;
    case 'netcat':
      return `sh -c '${nccmd}'`;
    case 'native':
      if (o.netcat !== undefined) throw new LibvirtUriError('netcat path not valid with native proxy mode');
      return `sh -c '${helpercmd}'`;
  }
}

/** The remote command for an ssh URI: `command=`-less libvirt semantics of proxy=, socket=, netcat=. */
export function sshCommandFor(u: LibvirtUri): string {
  const { proxy: given, socket, netcat, mode } = u.remote;
  if (mode !== undefined && mode !== 'auto' && mode !== 'legacy' && mode !== 'direct') throw new LibvirtUriError(`Unknown remote mode '${mode}'`);
  if (mode === 'direct') throw new LibvirtUriError('remote mode direct is only valid for the unix transport');
  let proxy: SshProxy;
  if (given !== undefined) {
    if (given !== 'auto' && given !== 'netcat' && given !== 'native') throw new LibvirtUriError(`Unknown proxy type '${given}' (expected auto, netcat or native)`);
    proxy = given;
  } else if (socket !== undefined) {
    // virt-ssh-helper cannot be given a socket: an explicit one means netcat.
    proxy = 'netcat';
  } else if (u.path === '/session') {
    proxy = 'native';
  } else {
    proxy = 'auto';
  }
  return sshHelperCommand({ proxy, netcat, socketPath: socket ?? REMOTE_LEGACY_SOCKET, driverUri: u.helperUri, readonly: false });
}
