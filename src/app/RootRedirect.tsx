import { Navigate } from 'react-router';
import { ErrorBanner, LoadingState } from '../lib/ui';
import { useHosts } from './hosts';

/** `/` goes to the first configured host's VM list. */
export function RootRedirect() {
  const { data, error, refetch } = useHosts();
  if (error !== null) {
    return (
      <div className="p-6">
        <ErrorBanner error={error} title="Cannot load the configured hosts" onRetry={() => void refetch()} />
      </div>
    );
  }
  const first = data?.hosts[0];
  if (data === undefined) return <LoadingState />;
  if (first === undefined) return <p className="p-6">No hosts are configured (VIRTDECK_HOSTS).</p>;
  return <Navigate to={`/hosts/${encodeURIComponent(first.id)}/vms`} replace />;
}
