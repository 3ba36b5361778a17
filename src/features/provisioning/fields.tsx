import type { ReactNode } from 'react';

export const inputClass = 'w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900';

/** `error`: what the server said is wrong with this field, in words; shown under it, once. */
export function Field({ label, htmlFor, hint, error, children }: { label: string; htmlFor: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children}
      {hint !== undefined && <p className="text-xs text-zinc-500">{hint}</p>}
      {error !== undefined && (
        <p className="text-xs text-red-700 dark:text-red-400" id={`${htmlFor}-server-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A radio group; each radio's id is `${idPrefix}-${value}`. */
export function Choices<T extends string>({ name, idPrefix, value, choices, onChange, label }: { name: string; idPrefix: string; value: T; choices: Choice<T>[]; onChange: (v: T) => void; label: string }) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</legend>
      {choices.map((c) => (
        <label key={c.value} htmlFor={`${idPrefix}-${c.value}`} className="flex cursor-pointer items-start gap-2">
          <input type="radio" id={`${idPrefix}-${c.value}`} name={name} checked={value === c.value} onChange={() => onChange(c.value)} className="mt-1" />
          <span>
            <span className="font-medium">{c.label}</span>
            {c.hint !== undefined && <span className="block text-xs text-zinc-500">{c.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Messages({ errors, warnings, id }: { errors: string[]; warnings: string[]; id: string }) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <ul id={id} className="space-y-1 text-xs" aria-live="polite">
      {errors.map((e) => (
        <li key={e} className="text-red-700 dark:text-red-400" data-kind="error">
          {e}
        </li>
      ))}
      {warnings.map((w) => (
        <li key={w} className="text-amber-700 dark:text-amber-400" data-kind="warning">
          ⚠ {w}
        </li>
      ))}
    </ul>
  );
}
