import { useRef, useState } from 'react';
import type { VolumeSummary } from '../../../common/storage.js';
import { checkVolumeName } from '../../../common/storage-validate.js';
import { formatBytes } from '../../../common/format.js';
import { volumeCommand } from '../../../common/storage-virsh.js';
import { api, hostPath } from '../../lib/api';
import { Button, Dialog, ErrorBanner, VirshHint } from '../../lib/ui';
import { Field, TextInput } from '../../lib/ui/Field';
import { useInvalidatePool, volumePath } from './queries';
import { detectFormat, uploadFile, volumeNameFromFile, type UploadHandle } from './upload';

type Phase = 'choose' | 'uploading' | 'done';

/**
 * Upload a file: into an existing volume (its content is replaced) or, without `volume`, as a new
 * volume sized to the file. Progress from XMLHttpRequest; Cancel aborts the stream on the server.
 */
export function UploadDialog({ host, pool, volume, onClose }: { host: string; pool: string; volume?: VolumeSummary; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState(volume?.name ?? '');
  const [phase, setPhase] = useState<Phase>('choose');
  const [loaded, setLoaded] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const handle = useRef<UploadHandle | null>(null);
  const invalidate = useInvalidatePool(host);
  const nameError = volume === undefined && file !== null ? checkVolumeName(name) ?? undefined : undefined;
  const pct = file !== null && file.size > 0 ? Math.floor((loaded / file.size) * 100) : 0;

  const pick = (f: File | undefined) => {
    if (f === undefined) return;
    setFile(f);
    setError(null);
    if (volume === undefined) setName(volumeNameFromFile(f.name));
  };

  const start = async () => {
    if (file === null || nameError !== undefined) return;
    setError(null);
    setPhase('uploading');
    setLoaded(0);
    let created = false;
    try {
      if (volume === undefined) {
        const format = await detectFormat(file);
        await api.post(hostPath(host, 'pools', pool, 'volumes'), { name, format, capacityBytes: Math.max(1, file.size) });
        created = true;
      }
      handle.current = uploadFile(volumePath(host, pool, name, 'content'), file, (l) => setLoaded(l));
      await handle.current.done;
      setPhase('done');
    } catch (err) {
      setError(err);
      setPhase('choose');
      // A volume made for this upload holds nothing useful once the upload failed.
      if (created) await api.delete(volumePath(host, pool, name)).catch(() => undefined);
    } finally {
      handle.current = null;
      invalidate(pool);
    }
  };

  const close = () => {
    handle.current?.cancel();
    onClose();
  };

  return (
    <Dialog open title={volume === undefined ? `Upload a file as a new volume in ${pool}` : `Upload into ${volume.name}`} onClose={close} id="volume-upload-dialog" wide
      footer={
        <>
          {phase === 'uploading' ? (
            <Button id="volume-upload-cancel" onClick={() => handle.current?.cancel()}>Cancel upload</Button>
          ) : (
            <Button onClick={close} id="volume-upload-close">{phase === 'done' ? 'Close' : 'Cancel'}</Button>
          )}
          {phase !== 'done' && (
            <Button variant="primary" id="volume-upload-start" busy={phase === 'uploading'} disabled={file === null} onClick={() => void start()}>
              Upload
            </Button>
          )}
        </>
      }
    >
      <div className="space-y-3">
        {volume !== undefined && (
          <p className="text-amber-800 dark:text-amber-300">The current content of {volume.name} ({formatBytes(volume.capacityBytes)}) is overwritten from its start.</p>
        )}
        <div
          id="volume-upload-drop"
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => { e.preventDefault(); setDragging(false); pick(e.dataTransfer.files[0]); }}
          className={`rounded-md border-2 border-dashed p-4 text-center ${dragging ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/40' : 'border-zinc-300 dark:border-zinc-700'}`}
        >
          <p>Drop a disk image or ISO here, or</p>
          <label htmlFor="volume-upload-file" className="mt-1 inline-block cursor-pointer text-sky-700 underline dark:text-sky-400">choose a file</label>
          <input id="volume-upload-file" type="file" className="sr-only" disabled={phase === 'uploading'} onChange={(e) => pick(e.target.files?.[0])} />
          {file !== null && <p className="mt-2 font-mono text-xs" id="volume-upload-file-name">{file.name} · {formatBytes(file.size)}</p>}
        </div>
        {volume === undefined && file !== null && (
          <Field id="volume-upload-name" label="Volume name" required error={nameError}>
            <TextInput id="volume-upload-name" value={name} onValue={setName} error={nameError} disabled={phase !== 'choose'} />
          </Field>
        )}
        {phase !== 'choose' && file !== null && (
          <div>
            <div className="h-3 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700" role="progressbar" id="volume-upload-progress"
              aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Upload progress">
              <div className="h-full bg-sky-500 transition-[width]" style={{ width: `${pct}%` }} />
            </div>
            <p className="mt-1 text-xs" id="volume-upload-percent" data-testid="upload-percent">
              {pct}% · {formatBytes(loaded)} of {formatBytes(file.size)}{phase === 'done' ? ' — stored in the volume' : ''}
            </p>
          </div>
        )}
        {error !== null && <ErrorBanner error={error} id="volume-upload-error" title="The upload did not complete" />}
        <VirshHint command={volumeCommand.upload(pool, name || 'VOLUME', file?.name ?? 'FILE')} />
      </div>
    </Dialog>
  );
}
