import type { Realm } from '../../../common/access.js';

const CHOICES: readonly { realm: Realm; label: string; hint: string }[] = [
  { realm: 'local', label: 'virtdeck password', hint: 'You set a first password here; the user can change it in their user menu.' },
  {
    realm: 'pam',
    label: 'Linux account of the host',
    hint: 'The user logs in with the system password of the Linux account of this name (checked by PAM); virtdeck stores no password.',
  },
];

/** How a new user logs in: with a password virtdeck keeps, or with their Linux account's password. */
export function RealmChoice({ value, onChange }: { value: Realm; onChange: (realm: Realm) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">Logs in with</legend>
      {CHOICES.map((c) => (
        <label key={c.realm} className="flex items-start gap-2">
          <input type="radio" name="user-create-realm" id={`user-create-realm-${c.realm}`} checked={value === c.realm} onChange={() => onChange(c.realm)} className="mt-1" />
          <span>
            <span className="text-sm font-medium">{c.label}</span>
            <span className="block text-xs text-zinc-500">{c.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
