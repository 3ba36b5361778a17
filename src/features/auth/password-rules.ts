import { MIN_PASSWORD_LENGTH } from '../../../common/access.js';

/** Why a new password is refused, by the rule the server applies (NewPassword in common/access.ts). */
export function newPasswordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'Use at most 1024 characters.';
  return undefined;
}
