/** Discarding a VM's managed-save image (virsh managedsave-remove): its next start boots afresh. */
import type { DomainRef, LibvirtClient } from '../libvirt/index.js';
import { HttpError } from '../http/errors.js';

export const ManagedSaveErrorCodes = { none: 'NO_MANAGED_SAVE' } as const;

/** Removes the saved state; 409 when there is none (nothing would change). */
export async function discardManagedSave(client: LibvirtClient, dom: DomainRef): Promise<void> {
  const { result } = await client.domainHasManagedSaveImage({ dom, flags: 0 });
  if (result === 0) throw new HttpError(409, ManagedSaveErrorCodes.none, `${dom.name} has no saved state to discard.`);
  await client.domainManagedSaveRemove({ dom, flags: 0 });
}
