import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../lib/ui';
import { forgetGoneVm, useGoneVms } from './queries';

/** The list says which transient VMs it dropped because they stopped (and so no longer exist). */
export function GoneVmsNotice({ host }: { host: string }) {
  const gone = useGoneVms(host);
  const queryClient = useQueryClient();
  if (gone.length === 0) return null;
  return (
    <ul id="vms-gone" role="status" className="mx-6 mb-3 space-y-1 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      {gone.map((g) => (
        <li key={g.uuid} className="flex items-center gap-3" data-testid="vm-gone" data-vm-name={g.name}>
          <span className="min-w-0 flex-1">
            “{g.name}” stopped and is gone: it was transient, so libvirt kept no configuration for it.
          </span>
          <Button size="sm" variant="ghost" onClick={() => forgetGoneVm(queryClient, host, g.uuid)} aria-label={`Dismiss the note about ${g.name}`}>
            Dismiss
          </Button>
        </li>
      ))}
    </ul>
  );
}
