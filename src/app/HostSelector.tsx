import { useLocation, useNavigate } from 'react-router';
import { useHosts } from './hosts';

/** Switches host and stays on the same section (a VM page goes back to the VM list). */
export function HostSelector({ hostId }: { hostId: string }) {
  const { data } = useHosts();
  const navigate = useNavigate();
  const location = useLocation();
  const hosts = data?.hosts ?? [];
  if (hosts.length < 2) return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-zinc-500 dark:text-zinc-400">Host</span>
      <select
        id="host-selector"
        value={hostId}
        onChange={(event) => {
          const section = location.pathname.split('/')[3] ?? 'vms';
          void navigate(`/hosts/${encodeURIComponent(event.target.value)}/${section}`);
        }}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {hosts.map((h) => (
          <option key={h.id} value={h.id}>
            {h.id} ({h.uri})
          </option>
        ))}
      </select>
    </label>
  );
}
