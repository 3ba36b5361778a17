import type { BackingDependant } from '../../../common/storage.js';

/**
 * The volumes that break when their backing file goes (qcow2 overlays on it), each with the VMs
 * using it, and the explicit "delete anyway" the deletion needs. Used by volume, VM and pool deletes.
 */
export function BackingDependants({ id, dependants, what, checked, onChecked }: { id: string; dependants: readonly BackingDependant[]; what: string; checked: boolean; onChecked: (checked: boolean) => void }) {
  return (
    <div id={id} className="space-y-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm dark:border-red-800 dark:bg-red-950/40">
      <p className="font-medium">
        {what} {dependants.length === 1 ? 'another volume' : `${dependants.length} other volumes`}. Deleting breaks{' '}
        {dependants.length === 1 ? 'it' : 'them'}: their data on top of it can no longer be read, and the VMs using them cannot start.
      </p>
      <ul className="list-disc space-y-0.5 pl-5">
        {dependants.map((d) => (
          <li key={d.path} data-testid="backing-dependant" data-volume={`${d.pool}/${d.name}`}>
            <span className="font-mono">
              {d.pool}/{d.name}
            </span>
            {d.usedBy.length > 0 && <> — a disk of {d.usedBy.map((v) => `${v.name}${v.active ? ' (running)' : ''}`).join(', ')}</>}
          </li>
        ))}
      </ul>
      <label className="flex items-center gap-2" htmlFor={`${id}-confirm`}>
        <input id={`${id}-confirm`} type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} />
        Delete anyway: I accept that {dependants.length === 1 ? 'this volume breaks' : 'these volumes break'}
      </label>
    </div>
  );
}
