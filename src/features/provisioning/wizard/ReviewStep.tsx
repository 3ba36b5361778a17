import { useDeferredValue, useEffect, useMemo } from 'react';
import { formatBytes } from '../../../../common/format.js';
import { checkVmName } from '../../../../common/provisioning.js';
import { ErrorBanner, Spinner } from '../../../lib/ui';
import { Field, inputClass } from '../fields';
import { useDryRun } from '../queries';
import { toBody } from './model';
import { STEP_LABELS } from './model';
import { wizardFieldError } from './server-field-error';
import { serverErrorOn, type StepProps } from './step-props';

export function ReviewStep(props: StepProps) {
  const { host, state, update, options, onFieldError, goTo } = props;
  const body = useDeferredValue(toBody(state));
  const nameOk = checkVmName(body.name) === null;
  const dry = useDryRun(host, body, nameOk);
  const efiOffered = options?.firmware.includes('efi') === true;
  const r = dry.data?.resolved;
  // A refusal about a field of an earlier step is shown there, on the field; here only where to go.
  const dryFieldError = useMemo(() => wizardFieldError(dry.error), [dry.error]);
  useEffect(() => {
    if (dryFieldError !== undefined) onFieldError(dryFieldError);
  }, [dryFieldError, onFieldError]);
  // The first dry run picks the MAC; every later one (and Create) sends it back, so what is shown is what the VM gets.
  const previewedMac = r?.mac;
  useEffect(() => {
    if (state.mac === '' && previewedMac !== undefined) update({ mac: previewedMac });
  }, [state.mac, previewedMac, update]);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <Field label="Name" htmlFor="new-vm-name" hint="Letters, digits, . _ + - (also names the disk and logs)" error={serverErrorOn(props, 'name')}>
          <input id="new-vm-name" className={inputClass} value={state.name} onChange={(e) => update({ name: e.target.value })} autoComplete="off" autoFocus />
        </Field>
        <Field label="Firmware" htmlFor="new-vm-firmware" hint={efiOffered ? undefined : 'UEFI is not offered: libvirt lists no UEFI firmware on this host'}>
          <select id="new-vm-firmware" className={inputClass} value={state.firmware} onChange={(e) => update({ firmware: e.target.value === 'efi' ? 'efi' : 'bios' })}>
            <option value="bios">BIOS</option>
            {efiOffered && <option value="efi">UEFI</option>}
          </select>
        </Field>
        <Field label="Graphics" htmlFor="new-vm-graphics" hint="A serial console is always added">
          <select id="new-vm-graphics" className={inputClass} value={state.graphics} onChange={(e) => update({ graphics: e.target.value === 'none' ? 'none' : 'vnc' })}>
            <option value="vnc">VNC on 127.0.0.1</option>
            <option value="none">None (serial console only)</option>
          </select>
        </Field>
        <div className="flex items-end pb-1">
          <label htmlFor="new-vm-start" className="flex items-center gap-2">
            <input id="new-vm-start" type="checkbox" checked={state.start} onChange={(e) => update({ start: e.target.checked })} />
            Start after creation (otherwise open its details first)
          </label>
        </div>
      </div>
      {!nameOk && <p className="text-xs text-zinc-500">Enter a valid name to see the generated XML.</p>}
      {dry.isFetching && <Spinner />}
      {dry.error !== null && dryFieldError === undefined && <ErrorBanner id="new-vm-review-error" error={dry.error} title="This VM cannot be created as it is" />}
      {dryFieldError !== undefined && dryFieldError.step !== 'review' && (
        <p id="new-vm-review-field-error" className="text-sm text-red-700 dark:text-red-400" role="alert">
          A value on the “{STEP_LABELS[dryFieldError.step]}” step must change (it is marked there).{' '}
          <button type="button" className="underline" id="new-vm-review-goto" onClick={() => goTo(dryFieldError.step)}>
            Go to {STEP_LABELS[dryFieldError.step]}
          </button>
        </p>
      )}
      {r !== undefined && (
        <dl id="new-vm-summary" className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
          <dt className="text-zinc-500">Domain type · arch · machine</dt>
          <dd>
            {r.domainType} · {r.arch} · {r.machine ?? 'default'}
          </dd>
          <dt className="text-zinc-500">Memory · vCPUs</dt>
          <dd>
            {r.memoryMiB} MiB · {r.vcpus}
          </dd>
          <dt className="text-zinc-500">Disk</dt>
          <dd>{r.diskSizeBytes === undefined ? (r.diskFormat ?? 'none') : `${formatBytes(r.diskSizeBytes)} ${r.diskFormat ?? ''}`} · {r.diskBus}</dd>
          <dt className="text-zinc-500">NIC model · MAC · firmware</dt>
          <dd>
            {r.nicModel ?? 'no NIC'} · <span id="new-vm-mac" className="font-mono select-all">{r.mac ?? 'none'}</span> · {r.firmware}
          </dd>
        </dl>
      )}
      {dry.data !== undefined && dry.data.warnings.length > 0 && (
        <ul className="text-xs text-amber-700 dark:text-amber-400" id="new-vm-warnings">
          {dry.data.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      {dry.data !== undefined && (
        <>
          <details open>
            <summary className="cursor-pointer text-xs font-medium">Equivalent virt-install command</summary>
            <code id="new-vm-virt-install" className="mt-1 block rounded bg-zinc-100 p-2 font-mono text-xs break-all select-all dark:bg-zinc-800">
              {dry.data.virtInstall}
            </code>
          </details>
          <details>
            <summary className="cursor-pointer text-xs font-medium">Domain XML</summary>
            <pre id="new-vm-xml" className="mt-1 max-h-64 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">
              {dry.data.xml}
            </pre>
          </details>
        </>
      )}
    </div>
  );
}
