import { useState } from 'react';
import { Link } from 'react-router';
import { ConsolePane } from './ConsolePane';
import type { VmTabProps } from '../vms/tab-types';
import type { PaneTarget } from './layout';

export interface ConsolesTabProps {
  host: string;
  uuid: string;
  name: string;
}

/** The Consoles tab of a VM page: one console (serial or display) and a link to the workspace. */
export function ConsolesTab({ host, uuid, name }: ConsolesTabProps) {
  const [target, setTarget] = useState<PaneTarget>({ host, uuid, name, kind: 'serial' });
  const search = new URLSearchParams({ open: uuid, name, kind: target.kind }).toString();
  return (
    <div className="flex h-[70vh] min-h-80 flex-col gap-2" id="vm-consoles-tab">
      <div className="h-full min-h-0 flex-1">
        <ConsolePane
          paneId="vm-tab"
          target={target}
          onTargetChange={setTarget}
          actions={
            <Link id="vm-console-open-workspace" className="text-xs text-sky-700 hover:underline dark:text-sky-400" to={`/hosts/${encodeURIComponent(host)}/consoles?${search}`}>
              Open in workspace
            </Link>
          }
        />
      </div>
    </div>
  );
}

/** The tab as the VM page's tab registry (src/features/vms/tabs.ts) takes it. */
export function VmConsolesTab({ host, vm }: VmTabProps) {
  return <ConsolesTab key={`${host}/${vm.uuid}`} host={host} uuid={vm.uuid} name={vm.name} />;
}
