/**
 * Validate on blur and submit, for every form: a field's error shows once the user has typed in it
 * or left it, or once the form was submitted — never on a form nobody has touched yet.
 */
import { createContext, useContext, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';

/** True once the surrounding form was submitted (FormDialog sets it; wizards per step). */
export const SubmitAttemptedContext = createContext(false);

/** Whether the error of the surrounding Field is shown; undefined outside a Field. */
export const FieldErrorShownContext = createContext<boolean | undefined>(undefined);

export function useSubmitAttempted(): boolean {
  return useContext(SubmitAttemptedContext);
}

/** Handlers for a wrapper element: typing in (change) or leaving (blur) any control inside counts. */
export function useInteraction(): { interacted: boolean; handlers: { onBlur: (e: FocusEvent) => void; onChange: (e: FormEvent) => void } } {
  const [interacted, setInteracted] = useState(false);
  const mark = () => { if (!interacted) setInteracted(true); };
  return { interacted, handlers: { onBlur: mark, onChange: mark } };
}

/** A region whose messages wait for the user: `children(shown)` is true after interaction or a submit. */
export function InteractionScope({ children, className }: { children: (shown: boolean) => ReactNode; className?: string }) {
  const { interacted, handlers } = useInteraction();
  const attempted = useSubmitAttempted();
  return <div className={className} {...handlers}>{children(interacted || attempted)}</div>;
}

/** `error` when the user should see it now, else undefined. */
export function useShownError(error: string | undefined): { shown: string | undefined; handlers: ReturnType<typeof useInteraction>['handlers'] } {
  const { interacted, handlers } = useInteraction();
  const attempted = useSubmitAttempted();
  return { shown: error !== undefined && (interacted || attempted) ? error : undefined, handlers };
}
