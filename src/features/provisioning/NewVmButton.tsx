import { useState } from 'react';
import { acl } from '../auth/access';
import { GuardedButton } from '../auth/GuardedButton';
import { NewVmWizard } from './wizard/NewVmWizard';

/** "New VM" for the VM list header. */
export function NewVmButton({ host }: { host: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <GuardedButton privilege="vm.create" path={acl.host(host)} variant="primary" id="vm-new" onClick={() => setOpen(true)}>
        New VM
      </GuardedButton>
      <NewVmWizard host={host} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
