import { array, int, struct, uhyper, uint, xvoid } from '../xdr/index.js';
import { flags, intFlag, needResults, proc, streamProc } from '../procedure.js';
import { nonnullString, storagePoolRef, storageVolRef } from '../remote-types.js';

const pool = { pool: storagePoolRef };
const vol = { vol: storageVolRef };
const volInfo = struct({ type: int, capacity: uhyper, allocation: uhyper });

/** Storage pool and volume procedures (numbers from remote_protocol.x). */
export const storageProcedures = {
  storagePoolCreateXml: proc(76, struct({ xml: nonnullString, flags }), struct(pool)),
  storagePoolDefineXml: proc(77, struct({ xml: nonnullString, flags }), struct(pool)),
  storagePoolCreate: proc(78, struct({ ...pool, flags }), xvoid),
  storagePoolBuild: proc(79, struct({ ...pool, flags }), xvoid),
  storagePoolDestroy: proc(80, struct(pool), xvoid),
  storagePoolDelete: proc(81, struct({ ...pool, flags }), xvoid),
  storagePoolUndefine: proc(82, struct(pool), xvoid),
  storagePoolRefresh: proc(83, struct({ ...pool, flags }), xvoid),
  storagePoolGetInfo: proc(
    87,
    struct(pool),
    struct({ state: uint, capacity: uhyper, allocation: uhyper, available: uhyper }),
  ),
  storagePoolGetXmlDesc: proc(88, struct({ ...pool, flags }), struct({ xml: nonnullString })),
  storagePoolGetAutostart: proc(89, struct(pool), struct({ autostart: int })),
  storagePoolSetAutostart: proc(90, struct({ ...pool, autostart: intFlag }), xvoid),
  storagePoolNumOfVolumes: proc(91, struct(pool), struct({ num: int })),
  storagePoolIsActive: proc(154, struct(pool), struct({ active: int })),
  storagePoolIsPersistent: proc(155, struct(pool), struct({ persistent: int })),
  storagePoolListAllVolumes: proc(
    282,
    struct({ ...pool, needResults, flags }),
    struct({ vols: array(storageVolRef, 16384), ret: uint }),
  ),

  storageVolCreateXml: proc(93, struct({ ...pool, xml: nonnullString, flags }), struct(vol)),
  storageVolDelete: proc(94, struct({ ...vol, flags }), xvoid),
  storageVolLookupByName: proc(95, struct({ ...pool, name: nonnullString }), struct(vol)),
  storageVolLookupByKey: proc(96, struct({ key: nonnullString }), struct(vol)),
  storageVolLookupByPath: proc(97, struct({ path: nonnullString }), struct(vol)),
  storageVolGetInfo: proc(98, struct(vol), volInfo),
  storageVolGetXmlDesc: proc(99, struct({ ...vol, flags }), struct({ xml: nonnullString })),
  storageVolGetPath: proc(100, struct(vol), struct({ name: nonnullString })),
  storageVolCreateXmlFrom: proc(
    125,
    struct({ ...pool, xml: nonnullString, clonevol: storageVolRef, flags }),
    struct(vol),
  ),
  storageVolWipe: proc(165, struct({ ...vol, flags }), xvoid),
  storageVolUpload: streamProc(208, struct({ ...vol, offset: uhyper, length: uhyper, flags }), 'write'),
  storageVolDownload: streamProc(209, struct({ ...vol, offset: uhyper, length: uhyper, flags }), 'read'),
  storageVolResize: proc(260, struct({ ...vol, capacity: uhyper, flags }), xvoid),
  storageVolGetInfoFlags: proc(378, struct({ ...vol, flags }), volInfo),
} as const;
