import type { ReactNode } from 'react';
import { DiskSource, PathCell } from '../../lib/ui';
import type { VmTabProps } from './tab-types';

function Table({ id, caption, headers, rows, empty }: { id: string; caption: string; headers: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    <div>
      <h2 className="mb-2 text-sm font-semibold">{caption}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{empty}</p>
      ) : (
        <table id={id} className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
            <tr>
              {headers.map((h) => (
                <th key={h} className="py-1.5 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, i) => (
              <tr key={i} className="border-b border-zinc-100 dark:border-zinc-800">
                {cells.map((c, j) => (
                  <td key={j} className="py-1.5 pr-4 align-top break-words">
                    {c ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const mono = (s: string | undefined) => (s === undefined ? '—' : <span className="font-mono text-xs">{s}</span>);

export function DevicesTab({ vm }: VmTabProps) {
  return (
    <div className="space-y-6">
      <Table
        id="vm-disks"
        caption="Disks"
        headers={['Target', 'Device', 'Bus', 'Source', 'Format', 'Access']}
        empty="No disks."
        rows={vm.disks.map((d) => [
          mono(d.target),
          d.device,
          d.bus ?? '—',
          <DiskSource source={d.source} empty={d.device === 'cdrom' || d.device === 'floppy' ? 'empty' : '—'} />,
          d.format ?? '—',
          [d.readonly ? 'read-only' : 'read-write', d.shareable ? 'shareable' : ''].filter(Boolean).join(', '),
        ])}
      />
      <Table
        id="vm-nics"
        caption="Network interfaces"
        headers={['Interface', 'Type', 'Source', 'Model', 'MAC']}
        empty="No network interfaces."
        rows={vm.interfaces.map((n) => [mono(n.targetDev ?? '—'), n.type, mono(n.sourceNetwork ?? n.sourceBridge ?? n.sourceDev), n.model ?? '—', mono(n.mac)])}
      />
      <Table
        id="vm-graphics"
        caption="Graphics"
        headers={['Type', 'Listen', 'Port']}
        empty="No graphical console."
        rows={vm.graphics.map((g) => [g.type, g.socket !== undefined ? <PathCell value={g.socket} /> : mono(g.listen), g.port === undefined ? (g.autoport ? 'automatic (when running)' : '—') : String(g.port)])}
      />
      <Table
        id="vm-chardevs"
        caption="Serial ports and consoles"
        headers={['Kind', 'Type', 'Target', 'Path', 'Log']}
        empty="No serial port or console."
        rows={vm.consoles.map((c) => [c.kind, c.type, `${c.targetType ?? ''} ${c.port ?? ''}`.trim() || '—', <PathCell value={c.sourcePath} />, <PathCell value={c.logFile} />])}
      />
    </div>
  );
}
