import { SIZE_UNITS, type SizeValue } from '../../../common/storage-units.js';
import { Select, TextInput } from './Field';

/**
 * The one size field: a number with a unit picker. The number may carry its own unit ("4G",
 * "512M", "1.5 TiB"); parseSizeValue (common/storage-units.ts) reads both.
 */
export function SizeInput({ id, value, onValue, error, autoFocus }: { id: string; value: SizeValue; onValue: (v: SizeValue) => void; error?: string | undefined; autoFocus?: boolean }) {
  return (
    <div className="flex gap-1">
      <TextInput id={id} value={value.amount} onValue={(amount) => onValue({ ...value, amount })} error={error} inputMode="decimal" className="min-w-16 flex-1" autoFocus={autoFocus} />
      <Select
        id={`${id}-unit`}
        className="w-20"
        value={value.unit}
        onValue={(u) => onValue({ ...value, unit: SIZE_UNITS.find((x) => x === u) ?? 'GiB' })}
        options={SIZE_UNITS.map((u) => ({ value: u, label: u }))}
      />
    </div>
  );
}
