export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What is switched on or off, e.g. "Autostart": the switch's state says the rest. */
  label: string;
  id?: string;
  busy?: boolean;
  disabled?: boolean;
  title?: string;
}

/** An on/off setting (role="switch"): shows its state, and flipping it is the action. */
export function Switch({ checked, onChange, label, id, busy = false, disabled = false, title }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-busy={busy || undefined}
      disabled={disabled || busy}
      title={title}
      {...(id === undefined ? {} : { id })}
      onClick={() => onChange(!checked)}
      className="inline-flex items-center gap-1.5 rounded-md px-1 py-0.5 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-60"
    >
      <span
        aria-hidden
        className={`relative inline-block h-4 w-7 rounded-full transition-colors ${checked ? 'bg-sky-600' : 'bg-zinc-300 dark:bg-zinc-600'}`}
      >
        <span className={`absolute top-0.5 size-3 rounded-full bg-white shadow transition-transform ${checked ? 'translate-x-3.5' : 'translate-x-0.5'}`} />
      </span>
      {label}
    </button>
  );
}
