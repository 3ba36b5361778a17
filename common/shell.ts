/** Quoting for the shell commands shown beside actions (virsh, virt-install), ready to paste. */

/** Quotes one word for a POSIX shell: safe words stay bare, anything else goes in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return shellQuoteAlways(word);
}

/** Always-quoted form used for object names, as virsh users type them: 'name'. */
export function shellQuoteAlways(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
