import { useState } from 'react';
import type { VolumeSummary } from '../../../common/storage.js';
import { formatBytes } from '../../../common/format.js';
import { volumeCommand } from '../../../common/storage-virsh.js';
import { ErrorBanner, FormDialog, VirshHint } from '../../lib/ui';
import { Checkbox, Field } from '../../lib/ui/Field';
import { useVolumeAction } from './queries';
import { parseSizeValue, sizeValueOf, type SizeValue } from '../../../common/storage-units.js';
import { SizeInput } from '../../lib/ui/SizeInput';

export function ResizeVolumeDialog({ host, pool, volume, onClose }: { host: string; pool: string; volume: VolumeSummary; onClose: () => void }) {
  const [size, setSize] = useState<SizeValue>(() => sizeValueOf(volume.capacityBytes));
  const [allowShrink, setAllowShrink] = useState(false);
  const action = useVolumeAction(host, pool);
  const parsed = parseSizeValue(size);
  const shrinking = parsed.ok && parsed.bytes < volume.capacityBytes;
  const runningUsers = volume.usedBy.filter((u) => u.active);
  let error = parsed.ok ? undefined : parsed.reason;
  if (error === undefined && runningUsers.length > 0) error = `In use by running VM ${runningUsers.map((u) => u.name).join(', ')}: resize it from the VM's disk instead`;
  if (error === undefined && shrinking && !allowShrink) error = 'Smaller than now: data past the new end is lost. Tick the box below to shrink anyway.';
  const submit = () => {
    if (!parsed.ok || error !== undefined) return;
    action.mutate({ vol: volume.name, action: { kind: 'resize', body: { capacityBytes: parsed.bytes, ...(shrinking ? { allowShrink: true } : {}) } } }, { onSuccess: onClose });
  };
  return (
    <FormDialog title={`Resize ${volume.name}`} onClose={onClose} id="volume-resize-dialog"
      submitLabel={shrinking ? 'Shrink' : 'Resize'} submitId="volume-resize-submit" danger={shrinking} busy={action.isPending} onSubmit={submit}>
      <div className="space-y-3">
        <p>Current virtual size: {formatBytes(volume.capacityBytes)}</p>
        <Field id="volume-resize-size" label="New size" immediate error={error}>
          <SizeInput id="volume-resize-size" value={size} onValue={setSize} error={error} />
        </Field>
        {shrinking && <Checkbox id="volume-resize-shrink" checked={allowShrink} onChecked={setAllowShrink} label="Shrink, losing the data past the new end" />}
        {parsed.ok && <VirshHint command={volumeCommand.resize(pool, volume.name, parsed.bytes, shrinking)} />}
        {action.error !== null && <ErrorBanner error={action.error} />}
      </div>
    </FormDialog>
  );
}
