import type { VmTab } from './tab-types';
import { OverviewTab } from './OverviewTab';
import { DevicesTab } from './DevicesTab';
import { XmlTab } from './XmlTab';
import { SnapshotsTab } from '../snapshots/SnapshotsTab';
import { VmConsolesTab } from '../consoles/ConsolesTab';
import { HardwareTab } from '../hardware/HardwareTab';

/**
 * The tabs of the VM page, in order. Features add their tab with one line here, e.g.
 *   { id: 'consoles', label: 'Consoles', Component: VmConsolesTab },
 * where the component takes VmTabProps ({ host, vm }).
 */
export const vmTabs: readonly VmTab[] = [
  { id: 'overview', label: 'Overview', Component: OverviewTab },
  { id: 'devices', label: 'Disks & NICs', Component: DevicesTab },
  { id: 'hardware', label: 'Hardware', Component: HardwareTab },
  { id: 'snapshots', label: 'Snapshots', Component: SnapshotsTab },
  { id: 'xml', label: 'XML', Component: XmlTab },
  { id: 'consoles', label: 'Consoles', Component: VmConsolesTab },
];
