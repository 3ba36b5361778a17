import type { SaveVmResult } from '../../common/provisioning.js';
import { domainStateName, uuidFromString, type LibvirtClient } from '../libvirt/index.js';

/** Managed save (virsh managedsave): memory to disk, VM stops; the next start restores it. */
export async function saveVm(client: LibvirtClient, uuid: string): Promise<SaveVmResult> {
  const { dom } = await client.domainLookupByUuid({ uuid: uuidFromString(uuid) });
  await client.domainManagedSave({ dom, flags: 0 }, { timeoutMs: 0 });
  const [{ state }, { result }] = await Promise.all([client.domainGetState({ dom, flags: 0 }), client.domainHasManagedSaveImage({ dom, flags: 0 })]);
  return { name: dom.name, saved: result !== 0, state: domainStateName(state) };
}
