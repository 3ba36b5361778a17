import type { ApplyMode, HardwareView } from '../../../common/hardware.js';

const LABELS: Record<ApplyMode, string> = {
  both: 'Now and at next boot',
  live: 'Now only (lost at power-off)',
  config: 'At next boot only',
};

/** The places a change may go, as the VM's state allows. */
export function allowedApply(hw: HardwareView): ApplyMode[] {
  if (hw.active && hw.persistent) return ['both', 'live', 'config'];
  if (hw.active) return ['live'];
  return ['config'];
}

export const applyFlags = (mode: ApplyMode): { live: boolean; config: boolean } => ({ live: mode !== 'config', config: mode !== 'live' });

export function ApplyPicker({ id, hw, value, onValue }: { id: string; hw: HardwareView; value: ApplyMode; onValue: (m: ApplyMode) => void }) {
  const allowed = allowedApply(hw);
  return (
    <fieldset id={id} className="space-y-1">
      <legend className="text-sm font-medium">Applies</legend>
      {allowed.map((m) => (
        <label key={m} className="flex items-center gap-2 text-sm">
          <input type="radio" name={id} value={m} checked={value === m} onChange={() => onValue(m)} id={`${id}-${m}`} />
          {LABELS[m]}
        </label>
      ))}
      {!hw.active && <p className="text-xs text-zinc-500">The VM is off: changes take effect when it next starts.</p>}
    </fieldset>
  );
}
