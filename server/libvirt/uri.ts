// libvirt connection URIs, read the way libvirt's remote driver reads them
// (src/remote/remote_driver.c doRemoteOpen, remoteConnectFormatURI; src/util/viruri.c).

export type LibvirtTransport = 'unix' | 'tls' | 'tcp' | 'ssh' | 'libssh2' | 'libssh' | 'ext';

const TRANSPORTS: readonly LibvirtTransport[] = ['tls', 'unix', 'ssh', 'ext', 'tcp', 'libssh2', 'libssh'];

export const LIBVIRTD_TLS_PORT = 16514;
export const LIBVIRTD_TCP_PORT = 16509;
export const SSH_PORT = 22;

export interface UriParam {
  name: string;
  value: string;
}

/** What the remote driver takes out of the query string (the rest goes on to the daemon). */
export interface RemoteParams {
  name?: string;
  command?: string;
  socket?: string;
  auth?: string;
  sshauth?: string;
  netcat?: string;
  keyfile?: string;
  pkipath?: string;
  knownHosts?: string;
  knownHostsVerify?: string;
  tlsPriority?: string;
  mode?: string;
  proxy?: string;
  /** `no_sanity=1` skips the sanity checks of our own certificate. */
  sanity: boolean;
  /** `no_verify=1`: TLS does not check the server's certificate; SSH accepts an unknown host key. */
  verify: boolean;
  /** `no_tty=1`: ssh must not ask for anything on a terminal. */
  tty: boolean;
}

export interface LibvirtUri {
  /** The URI as given. */
  uri: string;
  /** The scheme without the transport: `qemu`, `test`, `remote`. */
  driver: string;
  transport: LibvirtTransport;
  /** Whether the URI named the transport (`qemu+ssh://`) or it was implied. */
  explicitTransport: boolean;
  user: string | undefined;
  /** Server name, without IPv6 brackets; undefined for `qemu:///system`. */
  host: string | undefined;
  /** Port from the URI, undefined when none was given. */
  port: number | undefined;
  path: string;
  params: readonly UriParam[];
  remote: RemoteParams;
  /**
   * The name opened on the daemon by CONNECT_OPEN: transport, user, host and port taken out,
   * and the query without the remote driver's own parameters (`qemu+ssh://h/system` → `qemu:///system`).
   */
  name: string;
  /** The URI given to virt-ssh-helper: like `name`, but keeping `mode=` and `socket=`. */
  helperUri: string;
}

export class LibvirtUriError extends Error {
  override readonly name: string = 'LibvirtUriError';
}

const URI = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

function unescape(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new LibvirtUriError(`malformed %-escape in the ${what} of the URI`);
  }
}

/** virURIParseParams: `a=1&b=2` or `a=1;b=2`, names and values %-decoded, empty items skipped. */
function parseParams(query: string | undefined): UriParam[] {
  if (query === undefined || query === '') return [];
  const params: UriParam[] = [];
  for (const item of query.split(/[&;]/)) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    const rawName = eq < 0 ? item : item.slice(0, eq);
    const rawValue = eq < 0 ? '' : item.slice(eq + 1);
    if (rawName === '') continue;
    params.push({ name: unescape(rawName, 'query'), value: unescape(rawValue, 'query') });
  }
  return params;
}

/** virURIFormatParams: name=value joined by `&`, escaped like xmlURIEscapeStr. */
function formatParams(params: readonly UriParam[]): string {
  const escape = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return params.map((p) => `${escape(p.name)}=${escape(p.value)}`).join('&');
}

function parseBool(name: string, value: string): boolean {
  if (!/^[+-]?\d+$/.test(value.trim())) throw new LibvirtUriError(`Failed to parse value of URI component ${name}`);
  return Number(value) !== 0;
}

const STRING_PARAMS: Record<string, keyof RemoteParams> = {
  name: 'name',
  command: 'command',
  socket: 'socket',
  auth: 'auth',
  sshauth: 'sshauth',
  netcat: 'netcat',
  keyfile: 'keyfile',
  pkipath: 'pkipath',
  known_hosts: 'knownHosts',
  known_hosts_verify: 'knownHostsVerify',
  tls_priority: 'tlsPriority',
  mode: 'mode',
  proxy: 'proxy',
};

/** Reads a libvirt URI; throws LibvirtUriError when libvirt would refuse it. */
export function parseLibvirtUri(uri: string): LibvirtUri {
  const m = URI.exec(uri);
  if (!m) throw new LibvirtUriError(`"${uri}" is not a URI (expected driver[+transport]://[user@][host][:port]/path[?params])`);
  const scheme = m[1] ?? '';
  const authority = m[2];
  const path = m[3] ?? '';
  const plus = scheme.indexOf('+');
  const driver = plus < 0 ? scheme : scheme.slice(0, plus);
  const transportName = plus < 0 ? undefined : scheme.slice(plus + 1).toLowerCase();

  let user: string | undefined;
  let host: string | undefined;
  let port: number | undefined;
  if (authority !== undefined && authority !== '') {
    const at = authority.lastIndexOf('@');
    if (at >= 0) user = unescape(authority.slice(0, at), 'user');
    const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
    const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
    if (!hp) throw new LibvirtUriError(`"${hostPort}" in "${uri}" is not host[:port]`);
    const rawHost = hp[1] ?? '';
    host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : unescape(rawHost, 'host');
    if (host === '') host = undefined;
    if (hp[2] !== undefined && hp[2] !== '') {
      port = Number(hp[2]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new LibvirtUriError(`port ${hp[2]} in "${uri}" is not a TCP port (1-65535)`);
    }
  }

  let transport: LibvirtTransport;
  if (transportName === undefined) {
    transport = host !== undefined ? 'tls' : 'unix';
  } else if ((TRANSPORTS as readonly string[]).includes(transportName)) {
    transport = transportName as LibvirtTransport;
  } else {
    throw new LibvirtUriError(`remote_open: transport in URL not recognised (should be tls|unix|ssh|ext|tcp|libssh2|libssh): "${transportName}"`);
  }

  const params = parseParams(m[4]);
  const remote: RemoteParams = { sanity: true, verify: true, tty: true };
  const passedOn: UriParam[] = [];
  const keptForHelper: UriParam[] = [];
  for (const p of params) {
    const key = p.name.toLowerCase();
    const field = STRING_PARAMS[key];
    if (field !== undefined) {
      (remote as unknown as Record<string, string>)[field] = p.value;
      if (key === 'mode' || key === 'socket') keptForHelper.push(p);
      continue;
    }
    if (key === 'no_sanity' || key === 'no_verify' || key === 'no_tty') {
      const flag = !parseBool(p.name, p.value);
      if (key === 'no_sanity') remote.sanity = flag;
      else if (key === 'no_verify') remote.verify = flag;
      else remote.tty = flag;
      continue;
    }
    if (key === 'authfile') continue;
    passedOn.push(p);
    keptForHelper.push(p);
  }

  const format = (query: readonly UriParam[]): string => `${driver}://${path}${query.length > 0 ? `?${formatParams(query)}` : ''}${m[5] === undefined ? '' : `#${m[5]}`}`;
  let name: string;
  let helperUri: string;
  if (remote.name !== undefined) {
    name = remote.name;
    helperUri = remote.name;
  } else if (driver === 'remote') {
    // "Allow remote serve to probe"
    name = '';
    helperUri = '';
  } else {
    name = format(passedOn);
    helperUri = format(keptForHelper);
  }
  return { uri, driver, transport, explicitTransport: transportName !== undefined, user, host, port, path, params, remote, name, helperUri };
}

/** The port a transport connects to: the URI's, else libvirt's default. */
export function transportPort(u: LibvirtUri): number {
  if (u.port !== undefined) return u.port;
  if (u.transport === 'tls') return LIBVIRTD_TLS_PORT;
  if (u.transport === 'tcp') return LIBVIRTD_TCP_PORT;
  return SSH_PORT;
}

/** The server a network transport connects to (libvirt: "Remote server defaults to localhost"). */
export function transportHost(u: LibvirtUri): string {
  return u.host ?? 'localhost';
}
