import { useState } from 'react';
import { Button } from '../../lib/ui';
import { NewVmWizard } from './wizard/NewVmWizard';

/** "New VM" for the VM list header. */
export function NewVmButton({ host }: { host: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" id="vm-new" onClick={() => setOpen(true)}>
        New VM
      </Button>
      <NewVmWizard host={host} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
