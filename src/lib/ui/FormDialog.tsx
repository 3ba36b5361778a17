import { useState, type ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { SubmitAttemptedContext } from './validation';

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

/**
 * A dialog with a form and a footer of Cancel and one action button. Its fields show their errors
 * once left or typed in, and all of them once the action was tried (button or Enter).
 */
export function FormDialog({ open = true, title, id, onClose, submitLabel, submitId, onSubmit, busy, disabled = false, danger = false, wide = false, children }: FormDialogProps) {
  const [attempted, setAttempted] = useState(false);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (!open) setAttempted(false);
  }
  const submit = () => {
    setAttempted(true);
    onSubmit();
  };
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
          <Button variant={danger ? 'danger' : 'primary'} id={submitId} busy={busy} disabled={disabled} onClick={submit}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <SubmitAttemptedContext.Provider value={attempted}>
        <div onSubmitCapture={() => setAttempted(true)}>{children}</div>
      </SubmitAttemptedContext.Provider>
    </Dialog>
  );
}
