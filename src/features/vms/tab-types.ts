import type { ComponentType } from 'react';
import type { VmDetail } from '../../../common/vms.js';

export interface VmTabProps {
  host: string;
  vm: VmDetail;
}

export interface VmTab {
  /** URL segment and DOM id part: /hosts/:host/vms/:uuid/<id>, #vm-tab-<id>. */
  id: string;
  label: string;
  Component: ComponentType<VmTabProps>;
}
