import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  CloneVmBody, CloneVmResult, CreateVmBody, CreateVmResult, DeletePlan, DeleteVmBody, DeleteVmResult, OsSearchResult, ProvisioningOptions, SaveVmResult,
} from '../../../common/provisioning.js';
import type { VolumeList } from '../../../common/storage.js';
import { api, hostPath } from '../../lib/api';

export const provisioningKeys = {
  options: (host: string) => ['provisioning-options', host] as const,
  os: (q: string) => ['osinfo', q] as const,
  dryRun: (host: string, body: CreateVmBody) => ['vm-dry-run', host, JSON.stringify(body)] as const,
  clonePreview: (host: string, uuid: string, name: string) => ['vm-clone-preview', host, uuid, name] as const,
  deletePlan: (host: string, uuid: string) => ['vm-delete-plan', host, uuid] as const,
  volumes: (host: string, pool: string) => ['volumes', host, pool] as const,
};

export function useProvisioningOptions(host: string, enabled = true) {
  return useQuery({
    queryKey: provisioningKeys.options(host),
    queryFn: ({ signal }) => api.get<ProvisioningOptions>(hostPath(host, 'provisioning', 'options'), { signal }),
    enabled,
  });
}

export function useOsSearch(q: string) {
  return useQuery({
    queryKey: provisioningKeys.os(q),
    queryFn: ({ signal }) => api.get<OsSearchResult>(`/api/v1/osinfo?limit=30&q=${encodeURIComponent(q)}`, { signal }),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

export function usePoolVolumes(host: string, pool: string) {
  return useQuery({
    queryKey: provisioningKeys.volumes(host, pool),
    queryFn: ({ signal }) => api.get<VolumeList>(hostPath(host, 'pools', pool, 'volumes'), { signal }),
    enabled: pool !== '',
  });
}

export function useDryRun(host: string, body: CreateVmBody, enabled: boolean) {
  return useQuery({
    queryKey: provisioningKeys.dryRun(host, body),
    queryFn: ({ signal }) => api.post<CreateVmResult>(hostPath(host, 'vms'), { ...body, dryRun: true }, { signal }),
    enabled,
    retry: false,
  });
}

export function useCreateVm(host: string) {
  return useMutation({ mutationFn: (body: CreateVmBody) => api.post<CreateVmResult>(hostPath(host, 'vms'), body) });
}

export function useCloneVm(host: string, uuid: string) {
  return useMutation({ mutationFn: (body: CloneVmBody) => api.post<CloneVmResult>(hostPath(host, 'vms', uuid, 'clone'), body) });
}

/** What a clone would get (its MACs, its new volumes); `macs` keeps the ones shown first while the name changes. */
export function useClonePreview(host: string, uuid: string, name: string, macs: string[] | undefined, enabled: boolean) {
  return useQuery({
    queryKey: provisioningKeys.clonePreview(host, uuid, name),
    queryFn: ({ signal }) =>
      api.post<CloneVmResult>(hostPath(host, 'vms', uuid, 'clone'), { name, dryRun: true, ...(macs === undefined ? {} : { macs }) } satisfies CloneVmBody, { signal }),
    enabled,
    retry: false,
    staleTime: Infinity,
  });
}

export function useDeletePlan(host: string, uuid: string, enabled: boolean) {
  return useQuery({
    queryKey: provisioningKeys.deletePlan(host, uuid),
    queryFn: ({ signal }) => api.get<DeletePlan>(hostPath(host, 'vms', uuid, 'delete-plan'), { signal }),
    enabled,
    staleTime: 0,
  });
}

/** DELETE carries its options in the query (the api wrapper sends no body with DELETE). */
export function deleteQuery(body: DeleteVmBody): string {
  const params = new URLSearchParams();
  for (const v of body.volumes ?? []) params.append('volumes', v);
  for (const key of ['snapshots', 'managedSave', 'nvram', 'force', 'breakDependants'] as const) if (body[key] === true) params.set(key, '1');
  const q = params.toString();
  return q === '' ? '' : `?${q}`;
}

export function useDeleteVm(host: string, uuid: string) {
  return useMutation({ mutationFn: (body: DeleteVmBody) => api.delete<DeleteVmResult>(`${hostPath(host, 'vms', uuid)}${deleteQuery(body)}`) });
}

export function useSaveVm(host: string) {
  return useMutation({ mutationFn: (uuid: string) => api.post<SaveVmResult>(hostPath(host, 'vms', uuid, 'save')) });
}
