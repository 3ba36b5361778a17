import { array, int, optional, struct, uhyper, uint, xvoid } from '../xdr/index.js';
import { flags, intFlag, proc, streamProc } from '../procedure.js';
import { domainRef, nonnullString, nullableString } from '../remote-types.js';

const dom = { dom: domainRef };
const ret = struct;

const memoryStat = struct({ tag: int, val: uhyper });
const ipAddr = struct({ type: int, addr: nonnullString, prefix: uint });
const domainInterface = struct({ name: nonnullString, hwaddr: nullableString, addrs: array(ipAddr, 2048) });

/** Domain procedures (numbers from remote_protocol.x). */
export const domainProcedures = {
  domainAttachDevice: proc(8, struct({ ...dom, xml: nonnullString }), xvoid),
  domainCreate: proc(9, struct(dom), xvoid),
  domainCreateXml: proc(10, struct({ xmlDesc: nonnullString, flags }), ret({ dom: domainRef })),
  domainDefineXml: proc(11, struct({ xml: nonnullString }), ret({ dom: domainRef })),
  domainDestroy: proc(12, struct(dom), xvoid),
  domainDetachDevice: proc(13, struct({ ...dom, xml: nonnullString }), xvoid),
  domainGetXmlDesc: proc(14, struct({ ...dom, flags }), ret({ xml: nonnullString })),
  domainGetAutostart: proc(15, struct(dom), ret({ autostart: int })),
  domainGetInfo: proc(
    16,
    struct(dom),
    ret({ state: uint, maxMem: uhyper, memory: uhyper, nrVirtCpu: uint, cpuTime: uhyper }),
  ),
  domainGetMaxMemory: proc(17, struct(dom), ret({ memory: uhyper })),
  domainGetMaxVcpus: proc(18, struct(dom), ret({ num: int })),
  domainGetOsType: proc(19, struct(dom), ret({ type: nonnullString })),
  domainReboot: proc(27, struct({ ...dom, flags }), xvoid),
  domainResume: proc(28, struct(dom), xvoid),
  domainSetAutostart: proc(29, struct({ ...dom, autostart: intFlag }), xvoid),
  domainSetMaxMemory: proc(30, struct({ ...dom, memory: uhyper }), xvoid),
  domainSetMemory: proc(31, struct({ ...dom, memory: uhyper }), xvoid),
  domainSetVcpus: proc(32, struct({ ...dom, nvcpus: uint }), xvoid),
  domainShutdown: proc(33, struct(dom), xvoid),
  domainSuspend: proc(34, struct(dom), xvoid),
  domainUndefine: proc(35, struct(dom), xvoid),
  domainIsActive: proc(150, struct(dom), ret({ active: int })),
  domainIsPersistent: proc(151, struct(dom), ret({ persistent: int })),
  domainMemoryStats: proc(
    159,
    struct({ ...dom, maxStats: uint, flags }),
    ret({ stats: array(memoryStat, 1024) }),
  ),
  domainAttachDeviceFlags: proc(160, struct({ ...dom, xml: nonnullString, flags }), xvoid),
  domainDetachDeviceFlags: proc(161, struct({ ...dom, xml: nonnullString, flags }), xvoid),
  domainUpdateDeviceFlags: proc(174, struct({ ...dom, xml: nonnullString, flags }), xvoid),
  domainManagedSave: proc(182, struct({ ...dom, flags }), xvoid),
  domainHasManagedSaveImage: proc(183, struct({ ...dom, flags }), ret({ result: int })),
  domainManagedSaveRemove: proc(184, struct({ ...dom, flags }), xvoid),
  domainGetBlockInfo: proc(
    194,
    struct({ ...dom, path: nonnullString, flags }),
    ret({ allocation: uhyper, capacity: uhyper, physical: uhyper }),
  ),
  domainCreateWithFlags: proc(196, struct({ ...dom, flags }), ret({ dom: domainRef })),
  domainSetVcpusFlags: proc(199, struct({ ...dom, nvcpus: uint, flags }), xvoid),
  domainGetVcpusFlags: proc(200, struct({ ...dom, flags }), ret({ num: int })),
  domainOpenConsole: streamProc(201, struct({ ...dom, devName: nullableString, flags }), 'both'),
  domainIsUpdated: proc(202, struct(dom), ret({ updated: int })),
  domainSetMemoryFlags: proc(204, struct({ ...dom, memory: uhyper, flags }), xvoid),
  domainGetState: proc(212, struct({ ...dom, flags }), ret({ state: int, reason: int })),
  domainUndefineFlags: proc(231, struct({ ...dom, flags }), xvoid),
  domainDestroyFlags: proc(234, struct({ ...dom, flags }), xvoid),
  domainReset: proc(245, struct({ ...dom, flags }), xvoid),
  domainBlockResize: proc(251, struct({ ...dom, disk: nonnullString, size: uhyper, flags }), xvoid),
  domainShutdownFlags: proc(258, struct({ ...dom, flags }), xvoid),
  domainGetHostname: proc(277, struct({ ...dom, flags }), ret({ hostname: nonnullString })),
  domainDefineXmlFlags: proc(350, struct({ xml: nonnullString, flags }), ret({ dom: domainRef })),
  domainInterfaceAddresses: proc(
    353,
    struct({ ...dom, source: uint, flags }),
    ret({ ifaces: array(domainInterface, 2048) }),
  ),
  domainRename: proc(358, struct({ ...dom, newName: optional(nonnullString), flags }), ret({ retcode: int })),
} as const;
