import { useState } from 'react';
import type { VolumeSummary } from '../../../common/storage.js';
import { checkVolumeName } from '../../../common/storage-validate.js';
import { volumeCommand } from '../../../common/storage-virsh.js';
import { ErrorBanner, FormDialog, VirshHint } from '../../lib/ui';
import { Field, TextInput } from '../../lib/ui/Field';
import { useVolumeAction } from './queries';

function cloneName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-clone${name.slice(dot)}` : `${name}-clone`;
}

export function CloneVolumeDialog({ host, pool, volume, onClose }: { host: string; pool: string; volume: VolumeSummary; onClose: () => void }) {
  const [name, setName] = useState(cloneName(volume.name));
  const action = useVolumeAction(host, pool);
  const error = checkVolumeName(name) ?? undefined;
  const submit = () => {
    if (error !== undefined) return;
    action.mutate({ vol: volume.name, action: { kind: 'clone', name } }, { onSuccess: onClose });
  };
  return (
    <FormDialog title={`Clone ${volume.name}`} onClose={onClose} id="volume-clone-dialog"
      submitLabel="Clone" submitId="volume-clone-submit" busy={action.isPending} onSubmit={submit}>
      <div className="space-y-3">
        <p>Copies the whole volume into a new one in {pool}.</p>
        <Field id="volume-clone-name" label="Name of the copy" required error={error}>
          <TextInput id="volume-clone-name" value={name} onValue={setName} error={error} autoFocus />
        </Field>
        <VirshHint command={volumeCommand.clone(pool, volume.name, name)} />
        {action.error !== null && <ErrorBanner error={action.error} />}
      </div>
    </FormDialog>
  );
}
