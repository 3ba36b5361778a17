import { parseSize, SIZE_UNITS, type SizeParse, type SizeUnit } from '../../../common/storage-units.js';
import { Select, TextInput } from '../../lib/ui/Field';

export interface SizeValue {
  amount: string;
  unit: SizeUnit;
}

export function parseSizeValue(v: SizeValue): SizeParse {
  return parseSize(`${v.amount.trim()} ${v.unit}`);
}

/** A number with a unit picker (MiB, GiB, TiB). */
export function SizeInput({ id, value, onValue, error }: { id: string; value: SizeValue; onValue: (v: SizeValue) => void; error?: string | undefined }) {
  return (
    <div className="flex gap-1">
      <TextInput id={id} value={value.amount} onValue={(amount) => onValue({ ...value, amount })} error={error} inputMode="decimal" className="w-32" />
      <Select
        id={`${id}-unit`}
        className="w-24"
        value={value.unit}
        onValue={(u) => onValue({ ...value, unit: SIZE_UNITS.find((x) => x === u) ?? 'GiB' })}
        options={SIZE_UNITS.map((u) => ({ value: u, label: u }))}
      />
    </div>
  );
}
