import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface FormDialogProps {
  open?: boolean;
  title: string;
  id: string;
  onClose: () => void;
  /** The action button: its label, DOM id and what it does. */
  submitLabel: ReactNode;
  submitId: string;
  onSubmit: () => void;
  busy: boolean;
  disabled?: boolean;
  danger?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** A dialog with a form and a footer of Cancel and one action button. */
export function FormDialog({ open = true, title, id, onClose, submitLabel, submitId, onSubmit, busy, disabled = false, danger = false, wide = false, children }: FormDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      id={id}
      wide={wide}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant={danger ? 'danger' : 'primary'} id={submitId} busy={busy} disabled={disabled} onClick={onSubmit}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
