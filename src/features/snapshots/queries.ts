import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSnapshotBody,
  DeleteScope,
  DeleteSnapshotResult,
  RevertSnapshotResult,
  RevertState,
  Snapshot,
  SnapshotDetails,
  SnapshotList,
} from '../../../common/snapshots.js';
import { api, hostPath } from '../../lib/api';

export const snapshotKeys = {
  list: (host: string, uuid: string) => ['snapshots', host, uuid] as const,
  detail: (host: string, uuid: string, name: string) => ['snapshots', host, uuid, 'detail', name] as const,
};

export function useSnapshots(host: string, uuid: string) {
  return useQuery({
    queryKey: snapshotKeys.list(host, uuid),
    queryFn: ({ signal }) => api.get<SnapshotList>(hostPath(host, 'vms', uuid, 'snapshots'), { signal }),
  });
}

/** Details with libvirt's XML; fetched only when asked for (the list has everything else). */
export function useSnapshotDetails(host: string, uuid: string, name: string, enabled: boolean) {
  return useQuery({
    queryKey: snapshotKeys.detail(host, uuid, name),
    queryFn: ({ signal }) => api.get<SnapshotDetails>(hostPath(host, 'vms', uuid, 'snapshots', name), { signal }),
    enabled,
  });
}

function useRefetchAfter(host: string, uuid: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: snapshotKeys.list(host, uuid) });
}

export function useCreateSnapshot(host: string, uuid: string) {
  const refetch = useRefetchAfter(host, uuid);
  return useMutation({
    mutationFn: (body: CreateSnapshotBody) => api.post<Snapshot>(hostPath(host, 'vms', uuid, 'snapshots'), body),
    onSettled: refetch,
  });
}

export function useRevertSnapshot(host: string, uuid: string) {
  const refetch = useRefetchAfter(host, uuid);
  return useMutation({
    mutationFn: ({ name, state }: { name: string; state: RevertState }) =>
      api.post<RevertSnapshotResult>(hostPath(host, 'vms', uuid, 'snapshots', name, 'revert'), { state }),
    onSettled: refetch,
  });
}

export function useDeleteSnapshot(host: string, uuid: string) {
  const refetch = useRefetchAfter(host, uuid);
  return useMutation({
    mutationFn: ({ name, scope }: { name: string; scope: DeleteScope }) =>
      api.delete<DeleteSnapshotResult>(`${hostPath(host, 'vms', uuid, 'snapshots', name)}?scope=${scope}`),
    onSettled: refetch,
  });
}
