/** Where a VM disk's data lives (`<disk type=…><source …/>`), and the one way virtdeck writes it for people. */
import { Type, type Static } from 'typebox';

/** Every `<disk type>` libvirt documents (formatdomain "Hard drives, floppy disks, CDROMs"). */
export const DISK_SOURCE_TYPES = ['file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser'] as const;
export type DiskSourceType = (typeof DISK_SOURCE_TYPES)[number];

export const isKnownDiskSourceType = (type: string): type is DiskSourceType => (DISK_SOURCE_TYPES as readonly string[]).includes(type);

/** One `<host>` of a network disk. */
export const DiskSourceHost = Type.Object({
  name: Type.Optional(Type.String()),
  port: Type.Optional(Type.String()),
  /** tcp (default), unix or rdma */
  transport: Type.Optional(Type.String()),
  /** The socket path of a unix transport. */
  socket: Type.Optional(Type.String()),
});
export type DiskSourceHost = Static<typeof DiskSourceHost>;

/** `<auth username=…><secret type=… usage=… | uuid=…/></auth>`: which libvirt secret holds the credentials, never the secret. */
export const DiskSourceAuth = Type.Object({
  username: Type.String(),
  /** ceph, iscsi */
  secretType: Type.Optional(Type.String()),
  secretUsage: Type.Optional(Type.String()),
  secretUuid: Type.Optional(Type.String()),
});
export type DiskSourceAuth = Static<typeof DiskSourceAuth>;

export const VmDiskSource = Type.Object({
  /** The `<disk type>`: one of DISK_SOURCE_TYPES, or any other string libvirt may add. */
  type: Type.String(),
  /** false for a type virtdeck does not know: nothing else was read, the UI says so. */
  supported: Type.Boolean(),
  /** file: the image; block: the device; dir: the directory; vhostuser: the socket; volume: the volume's path when its pool is active. */
  path: Type.Optional(Type.String()),
  /** network: nbd, iscsi, rbd, gluster, http, https, ftp, ftps, tftp, nfs, ssh, sheepdog, vxhs … */
  protocol: Type.Optional(Type.String()),
  /** network: the export, image, IQN/LUN or URL path */
  name: Type.Optional(Type.String()),
  /** network (http/https): the query string */
  query: Type.Optional(Type.String()),
  /** network: tls='yes'/'no' */
  tls: Type.Optional(Type.String()),
  hosts: Type.Optional(Type.Array(DiskSourceHost)),
  auth: Type.Optional(DiskSourceAuth),
  /** network (rbd): snapshot name and ceph config file */
  snapshot: Type.Optional(Type.String()),
  configFile: Type.Optional(Type.String()),
  /** network (iscsi): the initiator IQN */
  initiatorIqn: Type.Optional(Type.String()),
  /** volume */
  pool: Type.Optional(Type.String()),
  volume: Type.Optional(Type.String()),
  /** volume of an iSCSI pool: host or direct */
  mode: Type.Optional(Type.String()),
  /** nvme: PCI address as dddd:bb:ss.f, namespace, whether libvirt detaches it from the host */
  pciAddress: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
  managed: Type.Optional(Type.String()),
  /** vhostuser: client or server end of the socket (absent = client) */
  socketMode: Type.Optional(Type.String()),
  /** mandatory, requisite, optional */
  startupPolicy: Type.Optional(Type.String()),
});
export type VmDiskSource = Static<typeof VmDiskSource>;

const withPort = (h: DiskSourceHost): string => `${h.name ?? ''}${h.port === undefined ? '' : `:${h.port}`}`;

/** `proto[+transport]://host1:port,host2/name?query`, the URI form qemu and the Ceph/Gluster/NBD tools use. */
function networkUri(s: VmDiskSource): string {
  const protocol = s.protocol ?? 'network';
  const hosts = s.hosts ?? [];
  const unix = hosts.find((h) => h.transport === 'unix');
  const transport = hosts.find((h) => h.transport !== undefined && h.transport !== 'tcp')?.transport;
  const authority = unix !== undefined ? '' : hosts.map(withPort).join(',');
  const name = s.name === undefined ? '' : `/${s.name.replace(/^\/+/, '')}`;
  const snapshot = s.snapshot === undefined ? '' : `@${s.snapshot}`;
  const query = [...(s.query === undefined ? [] : [s.query]), ...(unix?.socket === undefined ? [] : [`socket=${unix.socket}`])];
  return `${protocol}${transport === undefined ? '' : `+${transport}`}://${authority}${name}${snapshot}${query.length === 0 ? '' : `?${query.join('&')}`}`;
}

function authText(a: DiskSourceAuth): string {
  const secret = a.secretUsage ?? a.secretUuid;
  return `user ${a.username}${secret === undefined ? '' : `, ${a.secretType === undefined ? '' : `${a.secretType} `}secret ${secret}`}`;
}

/**
 * A disk source as an admin writes it: a path for files and devices, `rbd://mon1:6789/pool/image`,
 * `nbd+unix:///export?socket=/run/nbd.sock`, `dir: /srv/floppy`, `volume pool/name → /path` …
 * Undefined when the drive has no source (an empty CD-ROM).
 */
export function diskSourceText(s: VmDiskSource | undefined): string | undefined {
  if (s === undefined) return undefined;
  if (!s.supported) return `unsupported source type ${s.type}`;
  const type = s.type as DiskSourceType;
  switch (type) {
    case 'file':
    case 'block':
      return s.path;
    case 'dir':
      return s.path === undefined ? undefined : `dir: ${s.path}`;
    case 'network': {
      const extras = [
        ...(s.auth === undefined ? [] : [authText(s.auth)]),
        ...(s.tls === 'yes' ? ['TLS'] : []),
        ...(s.configFile === undefined ? [] : [`config ${s.configFile}`]),
        ...(s.initiatorIqn === undefined ? [] : [`initiator ${s.initiatorIqn}`]),
      ];
      return `${networkUri(s)}${extras.length === 0 ? '' : ` (${extras.join('; ')})`}`;
    }
    case 'volume': {
      const id = `volume ${s.pool ?? '?'}/${s.volume ?? '?'}${s.mode === undefined ? '' : ` (${s.mode})`}`;
      return s.path === undefined ? id : `${id} → ${s.path}`;
    }
    case 'nvme':
      return `nvme: ${s.pciAddress ?? '?'} namespace ${s.namespace ?? '?'}`;
    case 'vhostuser':
      return `vhost-user: ${s.path ?? '?'}${s.socketMode === 'server' ? ' (server)' : ''}`;
  }
}

/** The local path of a source, where it has one (file, block device, resolved volume); for tools that need a path. */
export const diskSourcePath = (s: VmDiskSource | undefined): string | undefined =>
  s !== undefined && s.supported && (s.type === 'file' || s.type === 'block' || s.type === 'volume') ? s.path : undefined;
