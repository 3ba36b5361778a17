export const SNAPSHOT_NAME_MAX = 200;
export const SNAPSHOT_DESCRIPTION_MAX = 4096;

// XML 1.0 cannot carry most control characters; CR would come back as LF.
export function hasControlCharacter(text: string, allowed: readonly string[] = []): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(ch)) return true;
  }
  return false;
}

/** libvirt's default snapshot name: the creation time in Unix seconds. */
export function defaultSnapshotName(now: Date = new Date()): string {
  return String(Math.floor(now.getTime() / 1000));
}

/** Why a snapshot name is unusable, or null when it is fine. XML-special characters are allowed. */
export function snapshotNameProblem(name: string): string | null {
  if (name.length === 0) return 'The name must not be empty.';
  if (name.length > SNAPSHOT_NAME_MAX) return `The name must be at most ${SNAPSHOT_NAME_MAX} characters.`;
  if (name.includes('/')) return "The name must not contain '/'.";
  if (name.startsWith('.')) return "The name must not start with '.'.";
  if (name.startsWith('-')) return "The name must not start with '-'.";
  if (hasControlCharacter(name)) return 'The name must not contain control characters.';
  if (name.trim() !== name) return 'The name must not start or end with white space.';
  return null;
}

export function snapshotDescriptionProblem(description: string): string | null {
  if (description.length > SNAPSHOT_DESCRIPTION_MAX) {
    return `The description must be at most ${SNAPSHOT_DESCRIPTION_MAX} characters.`;
  }
  if (hasControlCharacter(description, ['\t', '\n'])) {
    return 'The description must not contain control characters other than tab and newline.';
  }
  return null;
}
