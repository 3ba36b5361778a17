import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  FindSourcesBody, FindSourcesResult, PoolCreateBody, PoolCreateResult, PoolDetails, PoolList, PoolPreview, PoolUsers,
  VolumeCreateBody, VolumeDetails, VolumeList, VolumeResizeBody,
} from '../../../common/storage.js';
import { api, hostPath } from '../../lib/api';

export const storageKeys = {
  pools: (host: string) => ['pools', host] as const,
  pool: (host: string, pool: string) => ['pool', host, pool] as const,
  volumes: (host: string, pool: string) => ['volumes', host, pool] as const,
  volume: (host: string, pool: string, vol: string) => ['volume', host, pool, vol] as const,
  users: (host: string, pool: string) => ['pool-users', host, pool] as const,
};

export const poolPath = (host: string, pool: string, ...rest: string[]): string => hostPath(host, 'pools', pool, ...rest);
export const volumePath = (host: string, pool: string, vol: string, ...rest: string[]): string =>
  hostPath(host, 'pools', pool, 'volumes', vol, ...rest);

export function usePools(host: string) {
  return useQuery({
    queryKey: storageKeys.pools(host),
    queryFn: ({ signal }) => api.get<PoolList>(hostPath(host, 'pools'), { signal }),
    select: (data) => data.pools,
  });
}

export function usePool(host: string, pool: string | undefined) {
  return useQuery({
    queryKey: storageKeys.pool(host, pool ?? ''),
    queryFn: ({ signal }) => api.get<PoolDetails>(poolPath(host, pool ?? ''), { signal }),
    enabled: pool !== undefined,
  });
}

/** The VMs with a disk in the pool; read afresh each time a dialog that names them opens. */
export function usePoolUsers(host: string, pool: string, enabled: boolean) {
  return useQuery({
    queryKey: storageKeys.users(host, pool),
    queryFn: ({ signal }) => api.get<PoolUsers>(poolPath(host, pool, 'users'), { signal }),
    enabled,
    staleTime: 0,
    select: (data) => ({ vms: data.users.map((u) => ({ name: u.name, running: u.active })), dependants: data.dependants }),
  });
}

export function useVolumes(host: string, pool: string | undefined, active: boolean) {
  return useQuery({
    queryKey: storageKeys.volumes(host, pool ?? ''),
    queryFn: ({ signal }) => api.get<VolumeList>(hostPath(host, 'pools', pool ?? '', 'volumes'), { signal }),
    enabled: pool !== undefined && active,
    select: (data) => data.volumes,
  });
}

export function useVolume(host: string, pool: string, vol: string | undefined) {
  return useQuery({
    queryKey: storageKeys.volume(host, pool, vol ?? ''),
    queryFn: ({ signal }) => api.get<VolumeDetails>(volumePath(host, pool, vol ?? ''), { signal }),
    enabled: vol !== undefined,
  });
}

/**
 * After a change made through a VM (a volume created, grown or deleted with its disk): the pools
 * and volumes of the host may show other figures now. libvirt sends no event for volume changes.
 */
export function invalidateHostStorage(queryClient: QueryClient, host: string): void {
  for (const resource of ['pools', 'pool', 'volumes', 'volume', 'pool-users']) void queryClient.invalidateQueries({ queryKey: [resource, host] });
}

/** After any change of a pool or its volumes: refetch what shows it. */
function useInvalidatePool(host: string) {
  const queryClient = useQueryClient();
  return (pool: string) => {
    void queryClient.invalidateQueries({ queryKey: storageKeys.pools(host) });
    void queryClient.invalidateQueries({ queryKey: storageKeys.pool(host, pool) });
    void queryClient.invalidateQueries({ queryKey: storageKeys.volumes(host, pool) });
    void queryClient.invalidateQueries({ queryKey: ['volume', host, pool] });
  };
}

export function usePoolPreview() {
  return useMutation({
    mutationFn: ({ host, body }: { host: string; body: PoolCreateBody }) => api.post<PoolPreview>(`${hostPath(host, 'pools')}?dryRun=1`, body),
  });
}

export function useCreatePool(host: string) {
  const invalidate = useInvalidatePool(host);
  return useMutation({
    mutationFn: (body: PoolCreateBody) => api.post<PoolCreateResult>(hostPath(host, 'pools'), body),
    onSettled: (_data, _error, body) => invalidate(body.name),
  });
}

export function useFindSources(host: string) {
  return useMutation({
    mutationFn: (body: FindSourcesBody) => api.post<FindSourcesResult>(hostPath(host, 'pool-sources'), body),
  });
}

/** 'delete-storage-breaking': delete the storage though volumes of other pools have their backing files in it. */
export type PoolAction = 'start' | 'stop' | 'refresh' | 'build' | 'autostart-on' | 'autostart-off' | 'undefine' | 'delete-storage' | 'delete-storage-breaking';

export function usePoolAction(host: string) {
  const invalidate = useInvalidatePool(host);
  return useMutation({
    mutationFn: async ({ pool, action }: { pool: string; action: PoolAction }): Promise<unknown> => {
      switch (action) {
        case 'autostart-on':
        case 'autostart-off':
          return api.put(poolPath(host, pool, 'autostart'), { enabled: action === 'autostart-on' });
        case 'undefine':
          return api.delete(poolPath(host, pool));
        case 'delete-storage':
          return api.post(poolPath(host, pool, 'delete-storage'), { confirm: pool });
        case 'delete-storage-breaking':
          return api.post(poolPath(host, pool, 'delete-storage'), { confirm: pool, breakDependants: true });
        default:
          return api.post(poolPath(host, pool, action));
      }
    },
    onSettled: (_data, _error, { pool }) => invalidate(pool),
  });
}

export function useCreateVolume(host: string, pool: string) {
  const invalidate = useInvalidatePool(host);
  return useMutation({
    mutationFn: (body: VolumeCreateBody) => api.post<VolumeDetails>(hostPath(host, 'pools', pool, 'volumes'), body),
    onSettled: () => invalidate(pool),
  });
}

export type VolumeAction =
  | { kind: 'delete'; force: boolean }
  | { kind: 'wipe' }
  | { kind: 'resize'; body: VolumeResizeBody }
  | { kind: 'clone'; name: string };

export function useVolumeAction(host: string, pool: string) {
  const invalidate = useInvalidatePool(host);
  return useMutation({
    mutationFn: async ({ vol, action }: { vol: string; action: VolumeAction }): Promise<unknown> => {
      switch (action.kind) {
        case 'delete':
          return api.delete(`${volumePath(host, pool, vol)}${action.force ? '?force=1' : ''}`);
        case 'wipe':
          return api.post(volumePath(host, pool, vol, 'wipe'));
        case 'resize':
          return api.post(volumePath(host, pool, vol, 'resize'), action.body);
        case 'clone':
          return api.post(volumePath(host, pool, vol, 'clone'), { name: action.name });
      }
    },
    onSettled: () => invalidate(pool),
  });
}

export { useInvalidatePool };
