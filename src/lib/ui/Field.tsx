import { useContext, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldErrorShownContext, useShownError } from './validation';

const INPUT =
  'w-full rounded-md border bg-white px-2 py-1.5 text-sm dark:bg-zinc-950 focus:outline-none focus:ring-2 focus:ring-sky-500';

export interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** The reason the value is refused; shown under the field once the user typed in or left it, or submitted. */
  error?: string | undefined;
  required?: boolean;
  /** The error is a fact of the host or of other choices (no pool, VM running), not of what was typed: shown at once. */
  immediate?: boolean;
  children: ReactNode;
}

export function Field({ id, label, hint, error, required = false, immediate = false, children }: FieldProps) {
  const { shown: afterInteraction, handlers } = useShownError(error);
  const shown = immediate ? error : afterInteraction;
  return (
    <div className="space-y-1" {...handlers}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required && <span className="text-red-600" aria-hidden> *</span>}
      </label>
      <FieldErrorShownContext.Provider value={shown !== undefined}>{children}</FieldErrorShownContext.Provider>
      {shown !== undefined ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400" data-testid="field-error">{shown}</p>
      ) : hint !== undefined ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      ) : null}
    </div>
  );
}

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
}

export function TextInput({ id, value, onValue, error: given, className = '', ...rest }: TextInputProps) {
  // Inside a Field the input looks invalid exactly when the Field shows its error.
  const fieldShows = useContext(FieldErrorShownContext);
  const error = fieldShows === false ? undefined : given;
  return (
    <input
      id={id}
      value={value}
      onChange={(e) => onValue(e.target.value)}
      aria-invalid={error !== undefined || undefined}
      aria-describedby={error !== undefined ? `${id}-error` : undefined}
      className={`${INPUT} ${error !== undefined ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700'} ${className}`}
      spellCheck={false}
      autoComplete="off"
      {...rest}
    />
  );
}

export function Select({ id, value, onValue, options, className = '' }: { id: string; value: string; onValue: (v: string) => void; options: readonly { value: string; label: string }[]; className?: string }) {
  return (
    <select id={id} value={value} onChange={(e) => onValue(e.target.value)} className={`${INPUT} border-zinc-300 dark:border-zinc-700 ${className}`}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}

export function Checkbox({ id, checked, onChecked, label, hint }: { id: string; checked: boolean; onChecked: (v: boolean) => void; label: string; hint?: string }) {
  return (
    <label htmlFor={id} className="flex items-start gap-2 text-sm">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} className="mt-0.5" />
      <span>
        <span className="font-medium">{label}</span>
        {hint !== undefined && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>}
      </span>
    </label>
  );
}
